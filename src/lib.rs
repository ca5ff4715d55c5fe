//! crosscheck: compare several news reports of one event, find the claims in each, line them
//! up and show where they disagree; record the fact-checker's verdicts and export them.
//!
//! The core (`corpus`, `analysis`, `review`, `store`, `export`) knows nothing of the window;
//! `ui` draws it and sends commands. See `ARCHITECTURE.md`.

pub mod analysis;
pub mod cli;
pub mod corpus;
pub mod export;
pub mod review;
pub mod store;
pub mod ui;
