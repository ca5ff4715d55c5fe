//! crosscheck: compare several news reports of one event, find the claims in each, line them
//! up and show where they disagree; record the fact-checker's verdicts and export them.

pub mod corpus;
