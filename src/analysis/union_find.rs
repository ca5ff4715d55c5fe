//! Disjoint sets over `0..n`, for grouping linked names, dated events and travel parties.

/// A union-find forest; the root of a set is its smallest member, so groups come out in a
/// stable order whatever order the links were made in.
pub struct UnionFind(Vec<usize>);

impl UnionFind {
    /// `n` singleton sets.
    pub fn new(n: usize) -> Self {
        Self((0..n).collect())
    }

    /// The root of `x`'s set (compressing the path as it goes).
    pub fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            let grandparent = self.0[self.0[x]];
            self.0[x] = grandparent;
            x = grandparent;
        }
        x
    }

    /// Joins the sets of `a` and `b`.
    pub fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.0[ra.max(rb)] = ra.min(rb);
        }
    }

    /// The sets, as lists of members keyed by root, in root order.
    pub fn groups(&mut self) -> std::collections::BTreeMap<usize, Vec<usize>> {
        let mut groups: std::collections::BTreeMap<usize, Vec<usize>> =
            std::collections::BTreeMap::new();
        for i in 0..self.0.len() {
            let root = self.find(i);
            groups.entry(root).or_default().push(i);
        }
        groups
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_join_and_keep_their_smallest_member_as_root() {
        let mut uf = UnionFind::new(5);
        uf.union(3, 1);
        uf.union(4, 3);
        assert_eq!(uf.find(4), 1);
        let groups: Vec<Vec<usize>> = uf.groups().into_values().collect();
        assert_eq!(groups, [vec![0], vec![1, 3, 4], vec![2]]);
    }
}
