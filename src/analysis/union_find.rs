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

    /// The sets in the order of their smallest member, each listing its members in order.
    pub fn groups(&mut self) -> Groups {
        let n = self.0.len();
        // The group of each member; a root is its set's smallest member, so groups are
        // numbered in root order as the members are visited in order.
        let mut group_of = vec![0usize; n];
        let mut sizes: Vec<usize> = Vec::new();
        for i in 0..n {
            let root = self.find(i);
            let g = if root == i {
                sizes.push(0);
                sizes.len() - 1
            } else {
                group_of[root]
            };
            group_of[i] = g;
            sizes[g] += 1;
        }
        // One list of members, group after group: no allocation per set.
        let mut ends = sizes;
        let mut total = 0;
        for end in &mut ends {
            total += *end;
            *end = total;
        }
        let mut next: Vec<usize> = ends.clone();
        let mut members = vec![0usize; n];
        for i in (0..n).rev() {
            let g = group_of[i];
            next[g] -= 1;
            members[next[g]] = i;
        }
        Groups { members, ends }
    }
}

/// Disjoint sets listed by [`UnionFind::groups`].
pub struct Groups {
    members: Vec<usize>,
    /// Where each group's members end in `members`.
    ends: Vec<usize>,
}

impl Groups {
    /// Each set's members, in order, sets in the order of their smallest member.
    pub fn iter(&self) -> impl Iterator<Item = &[usize]> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(&self.ends)
            .map(|(start, &end)| &self.members[start..end])
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
        let groups: Vec<Vec<usize>> = uf.groups().iter().map(<[usize]>::to_vec).collect();
        assert_eq!(groups, [vec![0], vec![1, 3, 4], vec![2]]);
    }

    #[test]
    fn groups_list_every_member_once_in_root_order() {
        // Sets by remainder mod 7, joined from the top down; 0..50 in seven sets.
        let mut uf = UnionFind::new(50);
        for i in (7..50).rev() {
            uf.union(i, i - 7);
        }
        let groups: Vec<Vec<usize>> = uf.groups().iter().map(<[usize]>::to_vec).collect();
        let expected: Vec<Vec<usize>> = (0..7).map(|r| (r..50).step_by(7).collect()).collect();
        assert_eq!(groups, expected);
        assert!(UnionFind::new(0).groups().iter().next().is_none());
    }
}
