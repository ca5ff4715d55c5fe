//! Undo and redo: a capped history of applied actions, one step per user action (a step may
//! hold several actions, undone together). Never saved.

use super::{Action, ActionError, Review};

/// Most steps kept.
pub const MAX_STEPS: usize = 500;

/// Undo and redo stacks of inverse actions.
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Vec<Action>>,
    redo: Vec<Vec<Action>>,
}

fn apply_step(review: &mut Review, step: Vec<Action>) -> Result<Vec<Action>, ActionError> {
    let mut inverse = Vec::with_capacity(step.len());
    for action in step {
        match review.apply(action) {
            Ok(undo) => inverse.push(undo),
            Err(err) => {
                // Put back what this step already changed, so a step is all or nothing.
                for undo in inverse.into_iter().rev() {
                    let _ = review.apply(undo);
                }
                return Err(err);
            }
        }
    }
    inverse.reverse();
    Ok(inverse)
}

impl History {
    /// Applies one user action made of `step`'s actions, as one undo step.
    pub fn apply(&mut self, review: &mut Review, step: Vec<Action>) -> Result<(), ActionError> {
        if step.is_empty() {
            return Ok(());
        }
        let inverse = apply_step(review, step)?;
        self.undo.push(inverse);
        if self.undo.len() > MAX_STEPS {
            self.undo.remove(0);
        }
        self.redo.clear();
        Ok(())
    }

    /// Undoes the last step. Returns whether there was one.
    pub fn undo(&mut self, review: &mut Review) -> bool {
        let Some(step) = self.undo.pop() else {
            return false;
        };
        match apply_step(review, step) {
            Ok(inverse) => {
                self.redo.push(inverse);
                true
            }
            Err(_) => false,
        }
    }

    /// Redoes the last undone step. Returns whether there was one.
    pub fn redo(&mut self, review: &mut Review) -> bool {
        let Some(step) = self.redo.pop() else {
            return false;
        };
        match apply_step(review, step) {
            Ok(inverse) => {
                self.undo.push(inverse);
                true
            }
            Err(_) => false,
        }
    }

    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Forgets everything (a different review was opened).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::{Action, ReviewedArticle};

    fn article(title: &str) -> ReviewedArticle {
        ReviewedArticle {
            path: "a.txt".into(),
            hash: "sha256:0".into(),
            title: title.into(),
            date: None,
            meta: crate::corpus::Meta::default(),
        }
    }

    #[test]
    fn undo_and_redo_restore_exact_states() {
        let mut review = Review::default();
        let mut history = History::default();
        let s0 = review.clone();
        history
            .apply(&mut review, vec![Action::SetArticles(vec![article("one")])])
            .unwrap();
        let s1 = review.clone();
        history
            .apply(&mut review, vec![Action::SetArticles(vec![article("two")])])
            .unwrap();
        let s2 = review.clone();
        assert!(history.undo(&mut review));
        assert_eq!(review, s1);
        assert!(history.undo(&mut review));
        assert_eq!(review, s0);
        assert!(!history.undo(&mut review), "nothing left to undo");
        assert!(history.redo(&mut review));
        assert!(history.redo(&mut review));
        assert_eq!(review, s2);
    }

    #[test]
    fn a_failing_step_changes_nothing() {
        let mut review = Review::default();
        let mut history = History::default();
        let before = review.clone();
        let step = vec![Action::SetArticles(vec![article("x")]), Action::Remove(42)];
        assert!(history.apply(&mut review, step).is_err());
        assert_eq!(review, before);
        assert!(!history.can_undo());
    }
}
