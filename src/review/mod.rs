//! The fact-checker's own work: annotations (a verdict, the reconciled fact, notes, sources,
//! tags) anchored to the reports' text, the one [`Action`] type every change goes through,
//! and the undo history of applied actions.
//!
//! An annotation anchors by quote (exact text plus a little text before and after) and by
//! position, like Hypothesis: when a report's text changes, the quote is searched again
//! (exactly near the old place first, then anywhere, then fuzzily); an annotation that cannot
//! be placed is kept and marked orphaned, never dropped.

pub mod anchor;
pub mod history;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::analysis::{Finding, Kind};
use crate::corpus::Meta;
pub use anchor::{Anchor, Placement};
pub use history::History;

/// What the fact-checker decided about one discrepancy.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Not looked at yet.
    #[default]
    Unreviewed,
    /// The reports really disagree.
    ConfirmedConflict,
    /// The disagreement is settled; see the reconciled fact.
    Reconciled,
    /// The engine was wrong: the reports agree.
    NotAConflict,
    /// Cannot be settled without more sources.
    NeedsSourcing,
}

impl Verdict {
    /// Every verdict, in menu order.
    pub const ALL: [Self; 5] = [
        Self::Unreviewed,
        Self::ConfirmedConflict,
        Self::Reconciled,
        Self::NotAConflict,
        Self::NeedsSourcing,
    ];

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            Self::Unreviewed => "Unreviewed",
            Self::ConfirmedConflict => "Confirmed conflict",
            Self::Reconciled => "Reconciled",
            Self::NotAConflict => "Not a conflict",
            Self::NeedsSourcing => "Needs more sourcing",
        }
    }

    /// The machine name (as in review files and exports; the same as its serde name).
    pub fn name(self) -> &'static str {
        match self {
            Self::Unreviewed => "unreviewed",
            Self::ConfirmedConflict => "confirmed_conflict",
            Self::Reconciled => "reconciled",
            Self::NotAConflict => "not_a_conflict",
            Self::NeedsSourcing => "needs_sourcing",
        }
    }
}

/// A report as the review knew it: enough to find it again and to notice it changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewedArticle {
    /// Path as opened (relative to the review file's folder when saved next to it).
    pub path: String,
    /// `sha256:…` of its text when reviewed.
    pub hash: String,
    /// Its title.
    pub title: String,
    /// Its date, if known.
    #[serde(default)]
    pub date: Option<NaiveDate>,
    /// Outlet, address, authors and publication time, as the report gave them or the
    /// reviewer corrected them.
    #[serde(default, skip_serializing_if = "Meta::is_empty")]
    pub meta: Meta,
}

/// The organisation that publishes the fact-check, for `ClaimReview` (kept as a preference
/// and in each review).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Publisher {
    /// Its name ("Lakeside Fact Desk").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Its web address; a finding's address is this plus an anchor when neither the reviewer
    /// nor the review gives one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub url: String,
    /// A numeric rating per verdict, when the publisher rates on a scale; without one the
    /// verdict is given in words only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<RatingScale>,
}

impl Publisher {
    /// Whether nothing is set.
    pub fn is_empty(&self) -> bool {
        self.name.is_empty() && self.url.is_empty() && self.scale.is_none()
    }
}

/// A publisher's numeric scale: the worst and best values and the value of each verdict.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RatingScale {
    /// The lowest value on the scale.
    pub worst: i32,
    /// The highest value.
    pub best: i32,
    /// The value of each verdict that has one.
    pub values: Vec<(Verdict, i32)>,
}

impl RatingScale {
    /// The value of a verdict on this scale.
    pub fn value_of(&self, verdict: Verdict) -> Option<i32> {
        self.values
            .iter()
            .find(|(v, _)| *v == verdict)
            .map(|(_, n)| *n)
    }
}

/// A reconciled figure: the value or range the fact-checker settled on.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ValueRange {
    /// Lowest value.
    pub low: f64,
    /// Highest value (equal to `low` for one value).
    pub high: f64,
}

/// One annotation: a reviewed discrepancy (from the engine) or a manual claim.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Annotation {
    /// Unique within the review.
    pub id: u64,
    /// What kind of claim it is about.
    pub kind: Kind,
    /// What it is about, in words.
    pub subject: String,
    /// Whether it reviews an engine finding (false for claims the reviewer marked by hand).
    #[serde(default)]
    pub from_engine: bool,
    /// The text it points at in each report.
    pub anchors: Vec<Anchor>,
    /// The decision.
    #[serde(default)]
    pub verdict: Verdict,
    /// The reconciled fact, in words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reconciled: String,
    /// For figures: the reconciled value or range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<ValueRange>,
    /// Indices (into the review's articles) of the reports the reconciled fact sides with.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sides_with: Vec<usize>,
    /// Free note.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// URLs or citations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// Tags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// The claim reviewed, in words, as a published fact-check states it; empty for the
    /// default (the reconciled fact, or else the first quote).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub claim: String,
    /// The published address of this fact-check; empty for the default (the publisher's
    /// address with an anchor).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub url: String,
    /// Who made or last changed it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reviewer: String,
    /// When it was made (UTC).
    pub created: DateTime<Utc>,
    /// When it was last changed (UTC).
    pub modified: DateTime<Utc>,
}

impl Annotation {
    /// A new, unreviewed annotation with nothing recorded yet.
    pub fn new(
        id: u64,
        kind: Kind,
        subject: String,
        from_engine: bool,
        anchors: Vec<Anchor>,
        reviewer: &str,
        now: DateTime<Utc>,
    ) -> Self {
        Self {
            id,
            kind,
            subject,
            from_engine,
            anchors,
            verdict: Verdict::Unreviewed,
            reconciled: String::new(),
            value: None,
            sides_with: Vec::new(),
            note: String::new(),
            sources: Vec::new(),
            tags: Vec::new(),
            claim: String::new(),
            url: String::new(),
            reviewer: reviewer.to_owned(),
            created: now,
            modified: now,
        }
    }

    /// Whether it records something the reviewer did: a manual claim, a verdict, or anything
    /// written in it. An engine finding nobody touched is not: it is recomputed.
    pub fn is_reviewer_work(&self) -> bool {
        !self.from_engine || self.is_reviewed() || !self.sides_with.is_empty()
    }

    /// A new, unreviewed annotation for an engine finding; `anchor_of` turns each claim into
    /// an anchor (it maps the finding's report indices to the review's).
    pub fn for_finding(
        id: u64,
        finding: &Finding,
        anchor_of: &dyn Fn(&crate::analysis::ClaimRef) -> Option<Anchor>,
        reviewer: &str,
        now: DateTime<Utc>,
    ) -> Self {
        let anchors = finding.claims.iter().filter_map(anchor_of).collect();
        Self::new(
            id,
            finding.kind,
            finding.subject.clone(),
            true,
            anchors,
            reviewer,
            now,
        )
    }

    /// Whether the reviewer has recorded anything.
    pub fn is_reviewed(&self) -> bool {
        self.verdict != Verdict::Unreviewed
            || !self.reconciled.is_empty()
            || !self.note.is_empty()
            || !self.sources.is_empty()
            || !self.tags.is_empty()
            || !self.claim.is_empty()
            || !self.url.is_empty()
            || self.value.is_some()
    }

    /// The claim reviewed, in words: the reviewer's, else the reconciled fact, else the first
    /// quote.
    pub fn claim_in_words(&self) -> String {
        if self.claim.trim().is_empty() {
            self.default_claim(&self.reconciled)
        } else {
            self.claim.trim().to_owned()
        }
    }

    /// The claim reviewed when the reviewer gives none, for a reconciled fact being typed:
    /// that fact, else the first quote (else the subject).
    pub fn default_claim(&self, reconciled: &str) -> String {
        if !reconciled.trim().is_empty() {
            return reconciled.trim().to_owned();
        }
        self.anchors
            .first()
            .map_or_else(|| self.subject.clone(), |a| a.exact.clone())
    }
}

impl Review {
    /// The review with an unreviewed annotation for each discrepancy of `findings` that no
    /// engine annotation covers (an export of everything, from a file that keeps only the
    /// reviewer's work). `reports[k]` is the review's article index and the text of the
    /// analysed report `k`.
    pub fn with_unreviewed(
        &self,
        findings: &[Finding],
        reports: &[(usize, &str)],
        reviewer: &str,
        now: DateTime<Utc>,
    ) -> Self {
        let mut out = self.clone();
        let analysed_of = |review_index: usize| reports.iter().position(|r| r.0 == review_index);
        for finding in findings.iter().filter(|f| f.is_discrepancy()) {
            let covered = self.annotations.iter().any(|a| {
                let placed: Vec<Option<(usize, std::ops::Range<usize>)>> = a
                    .anchors
                    .iter()
                    .map(|x| analysed_of(x.article).map(|k| (k, x.start..x.end)))
                    .collect();
                a.from_engine && a.kind == finding.kind && overlap(finding, &placed) > 0.0
            });
            if covered {
                continue;
            }
            let anchor_of = |c: &crate::analysis::ClaimRef| {
                let (review_index, text) = reports.get(c.article)?;
                let mut anchor = anchor::Anchor::new(*review_index, text, c.start..c.end);
                anchor.value.clone_from(&c.value);
                Some(anchor)
            };
            let id = out.new_id();
            out.annotations.push(Annotation::for_finding(
                id, finding, &anchor_of, reviewer, now,
            ));
            out.next_id = id + 1;
        }
        out
    }
}

/// How much an annotation's placed anchors overlap a finding's claims, 0 to 1: the share of
/// claims that overlap an anchor in the same report. `placed` holds, per anchor, the report
/// (as indexed in the finding) and range where it was placed. Engine findings and annotations
/// are matched on this, so an improved engine (another subject, more or fewer claims) still
/// finds its review.
pub fn overlap(finding: &Finding, placed: &[Option<(usize, std::ops::Range<usize>)>]) -> f32 {
    if finding.claims.is_empty() {
        return 0.0;
    }
    let hits = finding
        .claims
        .iter()
        .filter(|c| {
            placed
                .iter()
                .flatten()
                .any(|(article, r)| *article == c.article && r.start < c.end && c.start < r.end)
        })
        .count();
    hits as f32 / finding.claims.len() as f32
}

/// A whole review: the reports and the annotations, in a stable order (by id).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Review {
    /// The title of the published report; empty for the default ([`Review::title_or_default`]).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// The address where the report of this review is published; each finding's address is
    /// this with `#finding-<id>` (the HTML report's anchors) unless the reviewer gives one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub url: String,
    /// Who publishes the fact-check.
    #[serde(default, skip_serializing_if = "Publisher::is_empty")]
    pub publisher: Publisher,
    /// The reports reviewed.
    pub articles: Vec<ReviewedArticle>,
    /// The annotations, sorted by id.
    pub annotations: Vec<Annotation>,
    /// The next id to hand out.
    #[serde(default)]
    pub next_id: u64,
}

/// Every change to a review. Applying one returns the action that undoes it.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Add an annotation (or put back a deleted one).
    Add(Annotation),
    /// Replace the annotation with the same id.
    Replace(Annotation),
    /// Remove the annotation with this id.
    Remove(u64),
    /// Set the list of reviewed reports (when reports are opened, closed or re-dated).
    SetArticles(Vec<ReviewedArticle>),
    /// Set the review's title, its published address and its publisher.
    SetPublishing(String, String, Publisher),
}

/// An action that could not be applied.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ActionError {
    /// No annotation with that id.
    #[error("no annotation with id {0}")]
    Missing(u64),
    /// An annotation with that id already exists.
    #[error("an annotation with id {0} already exists")]
    Duplicate(u64),
}

impl Review {
    /// The review's title, or one made from the reports: "Fact-check: " and the headline of
    /// the first report.
    pub fn title_or_default(&self) -> String {
        if !self.title.trim().is_empty() {
            return self.title.trim().to_owned();
        }
        self.articles.first().map_or_else(
            || "Fact-check".to_owned(),
            |a| format!("Fact-check: {}", a.title.trim_end_matches('…')),
        )
    }

    /// The annotation with this id.
    pub fn get(&self, id: u64) -> Option<&Annotation> {
        self.annotations
            .binary_search_by_key(&id, |a| a.id)
            .ok()
            .map(|i| &self.annotations[i])
    }

    /// A fresh id.
    pub fn new_id(&self) -> u64 {
        self.next_id
            .max(self.annotations.last().map_or(0, |a| a.id + 1))
    }

    /// Applies an action; returns its inverse. The only place a review changes.
    pub fn apply(&mut self, action: Action) -> Result<Action, ActionError> {
        match action {
            Action::Add(annotation) => {
                let id = annotation.id;
                match self.annotations.binary_search_by_key(&id, |a| a.id) {
                    Ok(_) => Err(ActionError::Duplicate(id)),
                    Err(at) => {
                        // `next_id` is left alone so that undo restores the exact state;
                        // `new_id` still never hands out an id in use.
                        self.annotations.insert(at, annotation);
                        Ok(Action::Remove(id))
                    }
                }
            }
            Action::Replace(annotation) => {
                let id = annotation.id;
                let at = self
                    .annotations
                    .binary_search_by_key(&id, |a| a.id)
                    .map_err(|_| ActionError::Missing(id))?;
                let old = std::mem::replace(&mut self.annotations[at], annotation);
                Ok(Action::Replace(old))
            }
            Action::Remove(id) => {
                let at = self
                    .annotations
                    .binary_search_by_key(&id, |a| a.id)
                    .map_err(|_| ActionError::Missing(id))?;
                Ok(Action::Add(self.annotations.remove(at)))
            }
            Action::SetArticles(articles) => {
                let old = std::mem::replace(&mut self.articles, articles);
                Ok(Action::SetArticles(old))
            }
            Action::SetPublishing(title, url, publisher) => {
                let old_title = std::mem::replace(&mut self.title, title);
                let old_url = std::mem::replace(&mut self.url, url);
                let old_publisher = std::mem::replace(&mut self.publisher, publisher);
                Ok(Action::SetPublishing(old_title, old_url, old_publisher))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn note(id: u64, text: &str) -> Annotation {
        let now = DateTime::<Utc>::from_timestamp(1_700_000_000, 0).unwrap();
        let anchor = Anchor::new(0, "about 20 people were killed", 0..8);
        let mut annotation = Annotation::new(
            id,
            Kind::Number,
            "people killed".into(),
            false,
            vec![anchor],
            "",
            now,
        );
        annotation.note = text.into();
        annotation
    }

    #[test]
    fn verdict_names_match_their_serialized_form() {
        for verdict in Verdict::ALL {
            let ron = ron::to_string(&verdict).unwrap();
            assert_eq!(ron, verdict.name(), "{verdict:?}");
        }
    }

    #[test]
    fn every_action_returns_its_inverse() {
        let mut review = Review::default();
        let undo_add = review.apply(Action::Add(note(1, "a"))).unwrap();
        assert_eq!(undo_add, Action::Remove(1));
        let undo_replace = review.apply(Action::Replace(note(1, "b"))).unwrap();
        assert_eq!(review.get(1).unwrap().note, "b");
        review.apply(undo_replace).unwrap();
        assert_eq!(review.get(1).unwrap().note, "a");
        let undo_remove = review.apply(Action::Remove(1)).unwrap();
        assert!(review.get(1).is_none());
        review.apply(undo_remove).unwrap();
        assert_eq!(review.get(1).unwrap().note, "a");
    }

    #[test]
    fn annotations_stay_sorted_by_id_and_bad_actions_are_refused() {
        let mut review = Review::default();
        review.apply(Action::Add(note(5, ""))).unwrap();
        review.apply(Action::Add(note(2, ""))).unwrap();
        let ids: Vec<u64> = review.annotations.iter().map(|a| a.id).collect();
        assert_eq!(ids, [2, 5]);
        assert_eq!(review.new_id(), 6);
        assert_eq!(
            review.apply(Action::Add(note(2, ""))),
            Err(ActionError::Duplicate(2))
        );
        assert_eq!(
            review.apply(Action::Remove(9)),
            Err(ActionError::Missing(9))
        );
    }
}
