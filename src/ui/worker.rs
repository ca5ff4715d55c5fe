//! Analysis off the UI thread: the window sends the reports, a thread runs the engine and
//! reports progress; a newer request cancels an older one.

use std::ops::Range;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};

use chrono::NaiveDate;

use crate::analysis::{self, Analysis, Input};

/// What the thread tells the window.
enum Message {
    Progress(u64, f32),
    Done(u64, Analysis),
}

/// One report's text, as the thread needs it (cheap to clone: the text is shared).
#[derive(Clone)]
pub struct Job {
    /// Full text.
    pub text: Arc<str>,
    /// The part to analyse.
    pub body: Range<usize>,
    /// Its date.
    pub date: Option<NaiveDate>,
}

/// The background analysis.
pub struct Worker {
    sender: Sender<Message>,
    receiver: Receiver<Message>,
    latest: Arc<AtomicU64>,
    running: Option<u64>,
    progress: f32,
}

impl Default for Worker {
    fn default() -> Self {
        let (sender, receiver) = mpsc::channel();
        Self {
            sender,
            receiver,
            latest: Arc::new(AtomicU64::new(0)),
            running: None,
            progress: 0.0,
        }
    }
}

/// Runs the engine and reports progress and the result on `sender`.
fn run(
    jobs: &[Job],
    generation: u64,
    sender: &Sender<Message>,
    latest: &AtomicU64,
    ctx: &egui::Context,
) {
    let inputs: Vec<Input<'_>> = jobs
        .iter()
        .map(|job| Input {
            text: &job.text,
            body: job.body.clone(),
            date: job.date,
        })
        .collect();
    let mut last_sent = 0.0f32;
    let result = analysis::analyze_with_progress(&inputs, &mut |p| {
        if p - last_sent >= 0.05 {
            last_sent = p;
            let _ = sender.send(Message::Progress(generation, p));
            ctx.request_repaint();
        }
        latest.load(Ordering::SeqCst) == generation
    });
    if let Some(result) = result {
        let _ = sender.send(Message::Done(generation, result));
        ctx.request_repaint();
    }
}

impl Worker {
    /// Starts analysing; an analysis still running for an older request stops early.
    pub fn start(&mut self, ctx: &egui::Context, generation: u64, jobs: Vec<Job>) {
        self.latest.store(generation, Ordering::SeqCst);
        self.running = Some(generation);
        self.progress = 0.0;
        let sender = self.sender.clone();
        let latest = Arc::clone(&self.latest);
        let repaint = ctx.clone();
        let fallback = jobs.clone();
        let spawned = std::thread::Builder::new()
            .name("crosscheck-analysis".into())
            .spawn(move || run(&jobs, generation, &sender, &latest, &repaint));
        if spawned.is_err() {
            // No thread (resource limits): analyse on this thread rather than not at all.
            run(&fallback, generation, &self.sender, &self.latest, ctx);
        }
    }

    /// Takes a finished analysis for `generation`, if one arrived; updates progress.
    pub fn poll(&mut self, generation: u64) -> Option<Analysis> {
        let mut done = None;
        while let Ok(message) = self.receiver.try_recv() {
            match message {
                Message::Progress(g, p) if g == generation => self.progress = p,
                Message::Done(g, analysis) if g == generation => done = Some(analysis),
                _ => {}
            }
        }
        if done.is_some() {
            self.running = None;
        }
        done
    }

    /// Waits for the analysis of `generation` (tests and benchmarks).
    pub fn wait(&mut self, generation: u64) -> Option<Analysis> {
        while self.running == Some(generation) {
            match self
                .receiver
                .recv_timeout(std::time::Duration::from_secs(60))
            {
                Ok(Message::Done(g, analysis)) if g == generation => {
                    self.running = None;
                    return Some(analysis);
                }
                Ok(Message::Progress(g, p)) if g == generation => self.progress = p,
                Ok(_) => {}
                Err(_) => return None,
            }
        }
        None
    }

    /// Progress of the running analysis, if one runs.
    pub fn progress(&self) -> Option<f32> {
        self.running.map(|_| self.progress)
    }
}
