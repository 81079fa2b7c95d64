//! Partitions (`rules/partitions.toml`): categories that make up a whole.

use serde::Deserialize;

/// A set of categories that together make up the whole of what they divide
/// (城市/农村, 男/女, 第一/第二/第三产业).
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Partition {
    /// Name shown in diagnostics (`城乡`).
    pub name: String,
    /// The members; each is a list of words that name it in a label.
    pub members: Vec<Vec<String>>,
    /// When not empty, the partition applies only to totals whose label
    /// contains one of these words, and then even to a per-capita total.
    #[serde(default)]
    pub totals: Vec<String>,
    /// Pairs `[part word, total word]`: a part named with the first (once
    /// its member word is taken out) divides a total named with the second
    /// (`["增加值", "生产总值"]`: 第一产业增加值 is a part of 地区生产总值).
    #[serde(default)]
    pub equivalents: Vec<Vec<String>>,
    /// Words that name the whole the partition divides (`城乡`, `进出口`): a
    /// total named with one is divided by its members, never their partner.
    #[serde(default)]
    pub whole: Vec<String>,
    /// True for a partition read only in tables, where each row names its
    /// member plainly (`#公立医疗机构`, `#民营医疗机构`); in prose its member
    /// words are too loose (`民营医院` in a list of hospitals by grade).
    #[serde(default)]
    pub tables_only: bool,
}

/// The partitions read in prose: all but those marked `tables_only`.
pub fn in_prose(all: &[Partition]) -> Vec<Partition> {
    all.iter().filter(|p| !p.tables_only).cloned().collect()
}

impl Partition {
    /// The member a label names: exactly one member's word occurs in it once
    /// words inside longer matched words are discounted (非农业人口 names
    /// 非农业人口, not 农业人口). `None` when no member or several are named.
    pub fn member_of(&self, label: &str) -> Option<usize> {
        self.member_word(label).map(|(m, _)| m)
    }

    /// Like [`Partition::member_of`], with the word the label uses for the
    /// member (`城镇` for the member 城市/城镇/城区).
    pub fn member_word<'w>(&'w self, label: &str) -> Option<(usize, &'w str)> {
        let mut found: Vec<(usize, &str, usize, usize)> = Vec::new(); // (member, word, start, end)
        for (mi, words) in self.members.iter().enumerate() {
            for w in words {
                for (start, _) in label.match_indices(w.as_str()) {
                    found.push((mi, w.as_str(), start, start + w.len()));
                }
            }
        }
        let kept: Vec<(usize, &str)> = found
            .iter()
            .filter(|(_, _, s, e)| {
                !found
                    .iter()
                    .any(|(_, _, s2, e2)| s2 <= s && e <= e2 && (e2 - s2) > (e - s))
            })
            .map(|(m, w, _, _)| (*m, *w))
            .collect();
        let first = *kept.first()?;
        kept.iter().all(|(m, _)| *m == first.0).then_some(first)
    }

    /// True when the partition may divide a total labelled `total_label`.
    pub fn applies_to(&self, total_label: &str) -> bool {
        self.totals.is_empty() || self.totals.iter().any(|w| total_label.contains(w.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(members: &[&[&str]]) -> Partition {
        Partition {
            name: "t".into(),
            members: members
                .iter()
                .map(|m| m.iter().map(|s| s.to_string()).collect())
                .collect(),
            totals: vec![],
            equivalents: vec![],
            whole: vec![],
            tables_only: false,
        }
    }

    #[test]
    fn longest_word_wins() {
        let part = p(&[&["农业人口"], &["非农业人口"]]);
        assert_eq!(part.member_of("年末非农业人口"), Some(1));
        assert_eq!(part.member_of("年末农业人口"), Some(0));
    }

    #[test]
    fn two_members_named_is_no_member() {
        let part = p(&[&["城市", "城镇"], &["农村", "乡村"]]);
        assert_eq!(part.member_of("城镇和乡村人口"), None);
        assert_eq!(part.member_of("城乡居民"), None);
        assert_eq!(part.member_of("农村特困人员"), Some(1));
        assert_eq!(part.member_word("城镇人口"), Some((0, "城镇")));
    }
}
