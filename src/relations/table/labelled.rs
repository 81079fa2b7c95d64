//! Relations the row labels of a table state:
//!
//! * a total row (`合计`, `总计`, `小计`, `全县`, `全 市`, `乡镇级合计`) is the
//!   sum of the rows of the level below it (after it, or before it when it is
//!   the last row), leaving out subset rows and deeper rows; plain rows
//!   after a `其中：X` row are members of the total once they no longer fit
//!   within the row above it (when they might be either, the total is read
//!   only in the way that adds up); when each group ends in a `小计`, each
//!   `小计` sums the rows since the previous total, and the `合计` sums the
//!   `小计` rows (or all the members, when that holds exactly), never both;
//! * a row followed by numbered items (`一、` › `（一）` › `1、`/`1.` ›
//!   `（1）`) is the sum of each run of them that is numbered from 1 (a
//!   restart at 1 is another cut of the same row); a run that does not start
//!   at 1 only stays within it;
//! * subset rows (`#婚姻`, `其中：城镇` and the plain rows after it) stay
//!   within their parent; they add up to it when they name every member of
//!   a partition (`城镇`/`乡村`), cover every age, or end with `其他`.
//!
//! A column whose header says it is not a count or an amount (`增长`, `比重`,
//! `%`, `平均`, `价格`…) is not summed, nor a column with negative figures, nor
//! one whose total lies among its members (an average). A structure column
//! (`构成`, `比重`) is summed when its total is 100.

use rust_decimal::Decimal;

use super::grid::{Cell, Grid, Num};
use super::{sum_slack, Basis, Check, TableRelation};
use crate::relations::label;
use crate::relations::Partition;

/// Labels of a total row, spaces removed: the whole label, or its end.
const TOTAL_WORDS: &[&str] = &["合计", "总计", "小计", "共计", "总数", "总体"];
/// Whole labels that name the area's total.
const AREA_TOTALS: &[&str] = &[
    "全县", "全市", "全区", "全省", "全州", "全盟", "全旗", "全国", "全部", "总", "total", "Total",
    "TOTAL",
];
/// Header words of columns that are not summed.
const NOT_ADDITIVE: &[&str] = &[
    "增长",
    "增减",
    "同比",
    "比上年",
    "比重",
    "构成",
    "占",
    "率",
    "%",
    "％",
    "平均",
    "人均",
    "指数",
    "价格",
    "单价",
    "比例",
    "年份",
    "年度",
    "增幅",
    "降幅",
    "/",
    "单产",
    "单位面积",
    "亩产",
];
/// Header words of structure columns, summed when the total is 100.
const STRUCTURE: &[&str] = &["比重", "构成", "占比", "结构"];
/// Units of counts: figures in them are exact.
const COUNTS: &[char] = &[
    '人', '个', '件', '户', '家', '所', '张', '起', '次', '名', '辆', '台', '座', '项', '条', '宗',
    '份', '处', '株', '头', '只', '艘', '部', '套', '例',
];

/// True for the label of a total row.
pub fn is_total_label(label: &str) -> bool {
    let l = label.trim_start_matches(['#', '＃']);
    AREA_TOTALS.contains(&l)
        || TOTAL_WORDS
            .iter()
            .any(|w| l.ends_with(w) && l.chars().count() <= 8)
}

/// Rows that belong to a total row: the total, its members, whether they
/// are a subset (their sum may be less), whether they cover the whole.
#[derive(Debug, Clone)]
struct Group {
    total: usize,
    members: Vec<usize>,
    subset: bool,
    whole: bool,
}

fn group(total: usize, members: Vec<usize>, subset: bool, whole: bool) -> Group {
    Group {
        total,
        members,
        subset,
        whole,
    }
}

/// How a row is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Mark {
    /// Numbering level: 1 for `一、`, 2 for `（一）`, 3 for `1、`, 4 for
    /// `（1）`, 5 for `①`; `None` when not numbered.
    level: Option<u8>,
    /// The item's number.
    number: u32,
    /// `#…` or `其中：…`.
    subset: bool,
    /// `其中…`: the plain rows after it are subsets too.
    qizhong: bool,
}

fn chinese_number(s: &str) -> Option<(u32, usize)> {
    let digits = "一二三四五六七八九十";
    let n: String = s.chars().take_while(|c| digits.contains(*c)).collect();
    if n.is_empty() {
        return None;
    }
    let v = crate::quantity::number::parse_chinese(&n)?;
    Some((u32::try_from(v.trunc().mantissa()).ok()?, n.len()))
}

fn arabic(s: &str) -> Option<(u32, usize)> {
    let n: String = s.chars().take_while(char::is_ascii_digit).collect();
    if n.is_empty() || n.len() > 2 {
        return None;
    }
    Some((n.parse().ok()?, n.len()))
}

fn mark(label: &str) -> Mark {
    let mut m = Mark {
        level: None,
        number: 0,
        subset: false,
        qizhong: false,
    };
    let mut l = label;
    if let Some(rest) = l.strip_prefix(['#', '＃']) {
        m.subset = true;
        l = rest;
    }
    if let Some(rest) = l.strip_prefix("其中") {
        m.subset = true;
        m.qizhong = true;
        l = rest.trim_start_matches([':', '：', ',', '，']);
    }
    if let Some((lv, num)) = latin_item(l) {
        m.level = Some(lv);
        m.number = num;
        return m;
    }
    let open = l.starts_with(['(', '（']);
    let inner = if open {
        &l[l.chars().next().map_or(0, char::len_utf8)..]
    } else {
        l
    };
    let (num, len, chinese) = match (chinese_number(inner), arabic(inner)) {
        (Some((n, k)), _) => (n, k, true),
        (_, Some((n, k))) => (n, k, false),
        _ => return m,
    };
    let after = &inner[len..];
    let level = if open {
        after
            .starts_with([')', '）'])
            .then_some(if chinese { 2 } else { 4 })
    } else if after.starts_with(['、', '．'])
        || (after.starts_with('.') && !after[1..].starts_with(|c: char| c.is_ascii_digit()))
    {
        Some(if chinese { 1 } else { 3 })
    } else {
        None
    };
    if let Some(lv) = level {
        m.level = Some(lv);
        m.number = num;
    }
    m
}

/// Items marked with Latin capitals or Roman numerals, the two levels below
/// `①` in statistical report forms: `A 城市低保` (level 6, number 1),
/// `II 临时补助` (level 7, number 2). The mark must be followed by Chinese
/// or by `、` `.` `．` (`IC卡`, `GDP` are no marks).
fn latin_item(l: &str) -> Option<(u8, u32)> {
    let roman: String = l
        .chars()
        .take_while(|c| matches!(c, 'I' | 'V' | 'X'))
        .collect();
    let ends_mark = |rest: &str| {
        rest.chars()
            .next()
            .is_some_and(|c| !c.is_ascii() || matches!(c, '.'))
            && !rest.starts_with(|c: char| c.is_alphanumeric() && c.is_ascii())
    };
    if !roman.is_empty() && ends_mark(&l[roman.len()..]) {
        let value = |c: char| match c {
            'I' => 1,
            'V' => 5,
            _ => 10,
        };
        let digits: Vec<u32> = roman.chars().map(value).collect();
        let mut n = 0;
        for (i, d) in digits.iter().enumerate() {
            if digits.get(i + 1).is_some_and(|next| next > d) {
                n -= *d as i64;
            } else {
                n += *d as i64;
            }
        }
        return Some((7, u32::try_from(n).ok()?));
    }
    let first = l.chars().next()?;
    if first.is_ascii_uppercase() && ends_mark(&l[1..]) {
        return Some((6, u32::from(first) - u32::from('A') + 1));
    }
    None
}

/// A row's name without its mark (`1、夏粮` → `夏粮`).
fn bare(label: &str) -> &str {
    let mut l = label.trim_start_matches(['#', '＃']);
    if let Some(rest) = l.strip_prefix("其中") {
        l = rest.trim_start_matches([':', '：']);
    }
    let cut = l
        .char_indices()
        .find(|(_, c)| matches!(c, '、' | '．' | ')' | '）' | '.'))
        .filter(|(i, _)| *i <= 9)
        .map_or(0, |(i, c)| i + c.len_utf8());
    &l[cut..]
}

/// The relations the labels of `g` state.
pub fn relations(g: &Grid, partitions: &[Partition], overlap: &[String]) -> Vec<TableRelation> {
    let marks: Vec<Mark> = g.rows.iter().map(|r| mark(&r.label)).collect();
    let mut groups: Vec<Group> = Vec::new();
    totals(g, &marks, &mut groups);
    numbered(g, &marks, partitions, &mut groups);
    subsets(g, &marks, partitions, overlap, &mut groups);
    // A group read twice (`其中：（1）` as a subset row and as the first of
    // its numbered items) is kept in its fuller reading.
    let fuller = |a: &Group, b: &Group| {
        a.total == b.total
            && b.members.len() > a.members.len()
            && a.members.iter().all(|m| b.members.contains(m))
    };
    let groups: Vec<Group> = groups
        .iter()
        .filter(|a| !groups.iter().any(|b| fuller(a, b)))
        .cloned()
        .collect();
    let mut out = Vec::new();
    for gr in groups {
        out.extend(sums(g, gr.total, &gr.members, gr.subset && !gr.whole));
    }
    out
}

/// How deep a row stands: numbering level, else indentation.
fn depth(g: &Grid, marks: &[Mark], r: usize) -> (u8, usize) {
    (marks[r].level.unwrap_or(0), g.rows[r].indent)
}

fn totals(g: &Grid, marks: &[Mark], out: &mut Vec<Group>) {
    let n = g.rows.len();
    let trailing = trailing_subtotals(g);
    for t in 0..n {
        if !is_total_label(&g.rows[t].label) || marks[t].subset {
            continue;
        }
        let after: Vec<usize> = (t + 1..n)
            .take_while(|&r| !is_total_label(&g.rows[r].label))
            .collect();
        let before: Vec<usize> = (0..t)
            .rev()
            .take_while(|&r| !is_total_label(&g.rows[r].label))
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let range = if let Some(subs) = &trailing {
            if is_subtotal(&g.rows[t].label) {
                before
            } else {
                // A total over groups that each end in a `小计` sums the
                // `小计` rows, never their members too.
                let scope: Vec<usize> = if before.is_empty() {
                    (0..t)
                        .rev()
                        .take_while(|&r| !is_total_label(&g.rows[r].label) || subs.contains(&r))
                        .filter(|r| subs.contains(r))
                        .collect()
                } else {
                    Vec::new()
                };
                let mut scope = if scope.is_empty() && t < subs[0] {
                    (t + 1..n)
                        .take_while(|&r| !is_total_label(&g.rows[r].label) || subs.contains(&r))
                        .filter(|r| subs.contains(r))
                        .collect()
                } else {
                    scope
                };
                scope.sort_unstable();
                if scope.len() >= 2 {
                    // A total that equals its members' sum is right even
                    // when a `小计` is not: the `小计` is what is wrong.
                    let (lo, hi) = if t < scope[0] {
                        (t + 1, scope[scope.len() - 1])
                    } else {
                        let start = (0..scope[0])
                            .rev()
                            .find(|&r| is_total_label(&g.rows[r].label) && !subs.contains(&r))
                            .map_or(0, |r| r + 1);
                        (start, t)
                    };
                    let rows: Vec<usize> = (lo..hi)
                        .filter(|&r| !is_total_label(&g.rows[r].label))
                        .collect();
                    let members = level_members(g, marks, &rows, false);
                    if members.len() >= 2 && adds_up_exactly(g, t, &members) {
                        out.push(group(t, members, false, true));
                    } else {
                        out.push(group(t, scope, false, true));
                    }
                    continue;
                }
                before
            }
        } else if !after.is_empty() && (t == 0 || before.is_empty()) {
            after
        } else if after.is_empty() && !before.is_empty() {
            before
        } else {
            continue;
        };
        if range.is_empty() {
            continue;
        }
        for cut in cuts(g, &range) {
            // Items printed flat under their row are looked for only when
            // the rows as printed do not add up to the total.
            let plain = level_members(g, marks, &cut, false);
            if plain.len() >= 2 && adds_up(g, t, &plain) {
                out.push(group(t, plain, false, true));
                continue;
            }
            // Plain rows after a `其中` row that may be its items or members
            // of the total: the reading that adds up, else none.
            if !subset_rows(g, marks, &cut).1.is_empty() {
                let wide = level_members(g, marks, &cut, true);
                if wide.len() >= 2 && adds_up(g, t, &wide) {
                    out.push(group(t, wide, false, true));
                }
                continue;
            }
            let (cut, children) = without_children(g, marks, &cut);
            out.extend(children);
            let members = level_members(g, marks, &cut, false);
            if members.len() >= 2 {
                out.push(group(t, members, false, true));
            }
        }
    }
}

/// True for the label of a subtotal row (`小计`, `城镇小计`).
fn is_subtotal(label: &str) -> bool {
    is_total_label(label) && label.ends_with("小计")
}

/// The `小计` rows of a table whose groups each end in one (members, then
/// `小计`; next members, then `小计`; then maybe `合计`): two at least, each
/// after rows with figures, and no row with figures after the last one but
/// totals. `None` for other tables.
fn trailing_subtotals(g: &Grid) -> Option<Vec<usize>> {
    let subs: Vec<usize> = (0..g.rows.len())
        .filter(|&r| is_subtotal(&g.rows[r].label))
        .collect();
    if subs.len() < 2 {
        return None;
    }
    let figures = |r: usize| g.rows[r].cells.iter().any(|c| c.num().is_some());
    let total = |r: usize| is_total_label(&g.rows[r].label);
    let each_after_rows = subs
        .iter()
        .all(|&s| (0..s).rev().take_while(|&r| !total(r)).any(figures));
    let last = *subs.last()?;
    let none_after = (last + 1..g.rows.len()).all(|r| total(r) || !figures(r));
    (each_after_rows && none_after).then_some(subs)
}

/// True for a heading row that announces a cut and holds no figure
/// (`按收获季节分`, `一、分季节`, `按行业分`).
fn cut_heading(g: &Grid, r: usize) -> bool {
    let row = &g.rows[r];
    let b = bare(&row.label);
    row.cells.iter().all(|c| c.num().is_none())
        && (b.starts_with('按') || b.starts_with('分') || b.ends_with("分") || b.ends_with("看"))
}

/// The rows under a total split at its cut headings: each cut adds up to
/// the total on its own.
fn cuts(g: &Grid, range: &[usize]) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = vec![Vec::new()];
    for &r in range {
        if cut_heading(g, r) {
            if out.last().is_some_and(|c| !c.is_empty()) {
                out.push(Vec::new());
            }
        } else if let Some(c) = out.last_mut() {
            c.push(r);
        }
    }
    out.retain(|c| !c.is_empty());
    out
}

/// Plain or `#` rows that add up to the row just above them in every column
/// (but one, of three or more) are its items, printed without indentation
/// (`稻谷`, then `早稻`, `中稻`, `晚稻`): they leave the cut, and their sum is a
/// relation of its own. Returns the cut without them and those relations.
fn without_children(g: &Grid, marks: &[Mark], cut: &[usize]) -> (Vec<usize>, Vec<Group>) {
    let mut rest = Vec::new();
    let mut groups = Vec::new();
    let mut i = 0;
    while i < cut.len() {
        let p = cut[i];
        rest.push(p);
        let mut found = None;
        for k in 2..=6usize {
            let Some(run) = cut.get(i + 1..i + 1 + k) else {
                break;
            };
            if run.windows(2).any(|w| w[1] != w[0] + 1) || run[0] != p + 1 {
                break;
            }
            // `#` rows may be among the items (`#大豆` and `杂豆` make up
            // `豆类`); numbered rows and `其中` rows are not.
            if run
                .iter()
                .any(|&r| marks[r].qizhong || marks[r].level.is_some())
            {
                break;
            }
            if adds_up(g, p, run) {
                found = Some(run.to_vec());
                break;
            }
        }
        match found {
            Some(run) => {
                i += 1 + run.len();
                groups.push(group(p, run, false, true));
            }
            None => i += 1,
        }
    }
    (rest, groups)
}

/// True when rows `run` add up to row `p` exactly in every column where
/// all have a figure; in one column at least.
fn adds_up_exactly(g: &Grid, p: usize, run: &[usize]) -> bool {
    let mut of = 0;
    for c in 0..g.width() {
        let Some(total) = g.cell(p, c).num() else {
            continue;
        };
        let parts: Option<Vec<&Num>> = run.iter().map(|&r| g.cell(r, c).num()).collect();
        let Some(parts) = parts else {
            continue;
        };
        if parts.iter().map(|n| n.value).sum::<Decimal>() != total.value {
            return false;
        }
        of += 1;
    }
    of >= 1
}

/// True when rows `run` add up to row `p` within rounding in every column
/// where all have a figure, but one of three or more; in two columns at
/// least.
fn adds_up(g: &Grid, p: usize, run: &[usize]) -> bool {
    let mut holds = 0;
    let mut of = 0;
    for c in 0..g.width() {
        let Some(total) = g.cell(p, c).num() else {
            continue;
        };
        let parts: Option<Vec<&Num>> = run.iter().map(|&r| g.cell(r, c).num()).collect();
        let Some(parts) = parts else {
            continue;
        };
        if parts.iter().filter(|n| !n.value.is_zero()).count() < 2 {
            continue;
        }
        of += 1;
        holds += usize::from(super::sum_fails(total, &parts, false, false).is_none());
    }
    holds >= 2 && (holds == of || (of >= 3 && holds + 1 == of))
}

/// The rows of `range` at its shallowest level, leaving out subset runs and
/// deeper rows; `wide`: the plain rows after a `其中` row that may be
/// members of the total are kept.
fn level_members(g: &Grid, marks: &[Mark], range: &[usize], wide: bool) -> Vec<usize> {
    let (mut in_subset, doubtful) = subset_rows(g, marks, range);
    if wide {
        in_subset.retain(|r| !doubtful.contains(r));
    }
    let candidates: Vec<usize> = range
        .iter()
        .copied()
        .filter(|r| !in_subset.contains(r))
        .collect();
    let Some(top) = candidates
        .iter()
        .map(|&r| depth(g, marks, r))
        .min_by(|a, b| {
            // Numbered rows: a smaller level is shallower; plain rows by indent.
            (if a.0 == 0 { 9 } else { a.0 }, a.1).cmp(&(if b.0 == 0 { 9 } else { b.0 }, b.1))
        })
    else {
        return Vec::new();
    };
    candidates
        .into_iter()
        .filter(|&r| depth(g, marks, r) == top)
        .collect()
}

/// Rows of `range` that belong to a subset run (`#…`, `其中：…` and the plain
/// rows after a `其中` row while they stay within the row above the run), and
/// of those, the plain rows that might as well be members of the total: a
/// plain row after a `其中：X` row that has figures of its own, or after the
/// first item under a bare `其中：`.
fn subset_rows(g: &Grid, marks: &[Mark], range: &[usize]) -> (Vec<usize>, Vec<usize>) {
    let mut out = Vec::new();
    let mut doubtful = Vec::new();
    // The open `其中` run: its parent and its rows so far.
    let mut open: Option<(usize, Vec<usize>)> = None;
    for &r in range {
        let m = marks[r];
        if m.subset {
            open = None;
            if m.qizhong {
                let parent = (0..r).rev().find(|&p| !marks[p].subset);
                open = parent.map(|p| (p, vec![r]));
            }
            out.push(r);
        } else if let Some((parent, run)) = open.as_mut().filter(|_| m.level.is_none()) {
            if !within_parent(g, *parent, run, r) {
                open = None;
                continue;
            }
            let heading = run.len() == 1 && g.rows[run[0]].cells.iter().all(|c| c.num().is_none());
            if !heading {
                doubtful.push(r);
            }
            run.push(r);
            out.push(r);
        } else {
            open = None;
        }
    }
    (out, doubtful)
}

fn numbered(g: &Grid, marks: &[Mark], partitions: &[Partition], out: &mut Vec<Group>) {
    let n = g.rows.len();
    for p in 0..n {
        let plevel = marks[p].level.unwrap_or(0);
        let Some(first) = (p + 1 < n).then(|| marks[p + 1]) else {
            continue;
        };
        let Some(clevel) = first.level else {
            continue;
        };
        // `其中：（1）…` opens numbered items that are a part of the row;
        // a `#` row opens none.
        if clevel <= plevel || (first.subset && !first.qizhong) {
            continue;
        }
        // Numbered from 1, else it is no list of items under this row.
        if first.number != 1 {
            continue;
        }
        // The children: rows until one shallower than the first child; under
        // a plain row, a plain row ends them too (unless a `其中` run holds
        // it).
        let mut children = Vec::new();
        let mut qizhong = false;
        for (r, &m) in marks.iter().enumerate().skip(p + 1) {
            // A numbered subtotal (`2.乡小计`) is an item like the others.
            if (is_total_label(&g.rows[r].label) && m.level.is_none())
                || m.level.is_some_and(|l| l < clevel)
            {
                break;
            }
            if m.level.is_some() {
                qizhong = m.qizhong;
            } else if m.qizhong {
                qizhong = true;
            } else if plevel == 0 && !m.subset && !qizhong {
                break;
            }
            children.push(r);
        }
        let items: Vec<usize> = children
            .iter()
            .copied()
            .filter(|&r| marks[r].level == Some(clevel) && (!marks[r].subset || r == p + 1))
            .collect();
        // Cuts: runs numbered from 1.
        let mut cut: Vec<usize> = Vec::new();
        let mut cuts = Vec::new();
        for &r in &items {
            if marks[r].number == 1 && !cut.is_empty() {
                cuts.push(std::mem::take(&mut cut));
            }
            cut.push(r);
        }
        cuts.push(cut);
        // A heading row without figures that announces a cut (`一、分季节`,
        // `按行业分`) divides the nearest row above that has figures.
        let heading = g.rows[p].cells.iter().all(|c| c.num().is_none());
        let cut_heading = heading && {
            let b = bare(&g.rows[p].label);
            b.starts_with('分') || b.starts_with('按')
        };
        let parent = if cut_heading {
            (0..p).rev().find(|&q| {
                g.rows[q].cells.iter().any(|c| c.num().is_some())
                    && !marks[q].subset
                    && marks[q].level.is_none_or(|l| l < plevel)
            })
        } else {
            Some(p)
        };
        let Some(parent) = parent else {
            continue;
        };
        for c in cuts {
            let from_one = marks[c[0]].number == 1
                && c.windows(2)
                    .all(|w| marks[w[1]].number == marks[w[0]].number + 1);
            if c.len() >= 2 {
                let names: Vec<&str> = c.iter().map(|&i| bare(&g.rows[i].label)).collect();
                let whole = from_one
                    && !first.qizhong
                    && (cut_heading
                        || is_total_label(&g.rows[p].label)
                        || covers(&names, partitions));
                out.push(group(parent, c, true, whole));
            }
        }
    }
}

fn subsets(
    g: &Grid,
    marks: &[Mark],
    partitions: &[Partition],
    overlap: &[String],
    out: &mut Vec<Group>,
) {
    let n = g.rows.len();
    let mut in_run = vec![false; n];
    let mut r = 0;
    while r < n {
        if !marks[r].subset {
            r += 1;
            continue;
        }
        // The parent: the nearest row above that is no subset and stands no
        // deeper (no more indented) than the run: its mark says it is a
        // part, whether or not it is indented.
        let indent = g.rows[r].indent;
        let Some(parent) = (0..r).rev().find(|&p| {
            !marks[p].subset
                && (g.rows[p].indent <= indent || indent == 0 || g.rows[p].indent == 0)
                && !in_run[p]
        }) else {
            r += 1;
            continue;
        };
        let mut run = vec![r];
        let qz = marks[r].qizhong;
        let mut k = r + 1;
        while k < n {
            let m = marks[k];
            if m.qizhong || m.level.is_some() || is_total_label(&g.rows[k].label) {
                break;
            }
            // A plain row after `其中：…` is one more item of it while the
            // items stay within their parent; a row larger than what is
            // left of the parent is the next item of the table
            // (`工业总产值 / 其中：规模以上 / 销售产值 / 其中：规模以上`).
            let plain_item =
                qz && !m.subset && g.rows[k].indent >= indent && within_parent(g, parent, &run, k);
            if (m.subset && !qz) || plain_item {
                run.push(k);
            } else if !qz && !m.subset && k + 1 < n && marks[k + 1].subset && !marks[k + 1].qizhong
            {
                // A plain row between two `#` rows is a child of the first.
            } else {
                break;
            }
            k += 1;
        }
        let names: Vec<&str> = run.iter().map(|&i| bare(&g.rows[i].label)).collect();
        let exhaustive = run.len() >= 2 && covers(&names, partitions);
        // Attributes that overlap (女性, 中级职称, 本科学历, 党员) are counted
        // each on its own: their sum says nothing.
        if !exhaustive
            && run.len() >= 2
            && names
                .iter()
                .any(|n| overlap.iter().any(|w| n.contains(w.as_str())))
        {
            r = k.max(r + 1);
            continue;
        }
        for &i in &run {
            in_run[i] = true;
        }
        out.push(group(parent, run, true, exhaustive));
        r = k.max(r + 1);
    }
}

/// True when row `k` may be one more item of the subset rows `run`: it is
/// stated in the same unit, and added to them it keeps their sum within the
/// parent row in most columns where all of them state a figure (a row that
/// breaks the parent in one column is an error to report, not another
/// indicator).
fn within_parent(g: &Grid, parent: usize, run: &[usize], k: usize) -> bool {
    let unit = &g.rows[k].unit;
    if !unit.is_empty()
        && run
            .iter()
            .any(|&i| !g.rows[i].unit.is_empty() && g.rows[i].unit != *unit)
    {
        return false;
    }
    let (mut stated, mut over) = (0, 0);
    for c in 0..g.width() {
        let Some(total) = g.cell(parent, c).num() else {
            continue;
        };
        let parts: Option<Vec<&Num>> = run
            .iter()
            .chain([&k])
            .map(|&i| g.cell(i, c).num())
            .collect();
        if let Some(p) = parts {
            stated += 1;
            let sum: Decimal = p.iter().map(|n| n.value).sum();
            if sum > total.value + sum_slack(total, &p, false) {
                over += 1;
            }
        }
    }
    over * 2 < stated || stated == 0
}

/// True when the names cover a whole: every member of one partition, every
/// age, or a last item `其他…`.
fn covers(names: &[&str], partitions: &[Partition]) -> bool {
    if names
        .last()
        .is_some_and(|n| n.starts_with("其他") || n.starts_with("其它"))
    {
        return true;
    }
    for p in partitions {
        let members: Vec<Option<usize>> = names.iter().map(|n| p.member_of(n)).collect();
        if members.iter().all(Option::is_some) {
            let mut seen: Vec<usize> = members.into_iter().flatten().collect();
            seen.sort_unstable();
            seen.dedup();
            if seen.len() == names.len() && seen.len() == p.members.len() {
                return true;
            }
        }
    }
    let bands: Option<Vec<_>> = names.iter().map(|n| age_band(n)).collect();
    bands.is_some_and(|b| label::bands_cover(&b))
}

/// `0-17岁` → [0, 17]; `60岁及以上`, `60岁以上` → [60, ∞); `18岁以下` → [0, 18].
fn age_band(name: &str) -> Option<(Decimal, Option<Decimal>)> {
    if let Some(body) = name.strip_suffix('岁') {
        let (a, b) = body.split_once(['-', '—', '－', '~', '～', '至'])?;
        return Some((a.parse().ok()?, Some(b.parse().ok()?)));
    }
    let (n, rest) = name.split_once('岁')?;
    let n: Decimal = n.parse().ok()?;
    match rest {
        "及以上" | "以上" => Some((n, None)),
        "以下" => Some((Decimal::ZERO, Some(n))),
        _ => None,
    }
}

/// The sums of one group, column by column.
fn sums(g: &Grid, t: usize, members: &[usize], subset: bool) -> Vec<TableRelation> {
    let total_row = &g.rows[t];
    if not_additive_label(&total_row.label)
        || members
            .iter()
            .any(|&m| not_additive_label(&g.rows[m].label))
    {
        return Vec::new();
    }
    // Rows with a unit column must share the total's unit.
    if members
        .iter()
        .any(|&m| g.rows[m].unit != total_row.unit || shifted(g, t, m))
    {
        return Vec::new();
    }
    let mut cols: Vec<(usize, &Num, Vec<&Num>)> = Vec::new();
    for c in 0..g.width() {
        let Some(total) = g.cell(t, c).num() else {
            continue;
        };
        let parts: Vec<&Num> = members.iter().filter_map(|&m| g.cell(m, c).num()).collect();
        if parts.is_empty() || members.iter().any(|&m| matches!(g.cell(m, c), Cell::Text)) {
            continue;
        }
        if additive(g, c, total, &parts) {
            cols.push((c, total, parts));
        }
    }
    let whole =
        |total: &Num, parts: &[&Num]| total.is_integer() && parts.iter().all(|p| p.is_integer());
    let exact_sum =
        |total: &Num, parts: &[&Num]| parts.iter().map(|p| p.value).sum::<Decimal>() == total.value;
    let mut out = Vec::new();
    for (i, (c, total, parts)) in cols.iter().enumerate() {
        // Whole numbers are exact in a count unit, or, when no unit is
        // stated, when every other column of the group adds up exactly.
        let others: Vec<_> = cols.iter().enumerate().filter(|(j, _)| *j != i).collect();
        let exact = whole(total, parts)
            && (counts(g, t, *c)
                || (unit_unknown(g, t, *c)
                    && !others.is_empty()
                    && others
                        .iter()
                        .all(|(_, (_, ot, op))| whole(ot, op) && exact_sum(ot, op))));
        out.push(TableRelation {
            check: Check::Sum {
                total: (*total).clone(),
                parts: parts.iter().map(|p| (*p).clone()).collect(),
                subset,
            },
            basis: Basis::Labels,
            exact,
            row: total_row.label.clone(),
            column: g.header(*c).to_string(),
        });
    }
    out
}

/// True when nothing states the unit of row `t`, column `c`.
fn unit_unknown(g: &Grid, t: usize, c: usize) -> bool {
    let header = g.header(c);
    g.rows[t].unit.is_empty()
        && g.unit.is_none()
        && !header.contains(['（', '('])
        && !header.contains(['万', '亿', '元', '吨', '米', '斤', '克'])
}

/// True for a row label that names a rate, an average or a share.
pub fn not_additive_label(label: &str) -> bool {
    [
        "率", "平均", "人均", "比重", "增长", "指数", "价格", "单价", "占",
    ]
    .iter()
    .any(|w| label.contains(w))
}

/// True when a member row's figures stand packed to the left of fewer
/// columns than the total's: cells shifted by a damaged copy.
fn shifted(g: &Grid, t: usize, m: usize) -> bool {
    let count = |r: usize| g.rows[r].cells.iter().filter(|c| c.num().is_some()).count();
    let last = g.rows[m].cells.iter().rposition(|c| c.num().is_some());
    let packed = last.is_some_and(|l| g.rows[m].cells[..=l].iter().all(|c| c.num().is_some()));
    packed
        && count(m) < count(t)
        && last.is_some_and(|l| {
            g.rows[t]
                .cells
                .iter()
                .skip(l + 1)
                .any(|c| c.num().is_some())
        })
}

/// True when column `c` may be summed for this total.
fn additive(g: &Grid, c: usize, total: &Num, parts: &[&Num]) -> bool {
    let header = g.header(c);
    let hundred = (total.value - Decimal::ONE_HUNDRED).abs() <= total.half_ulp() * Decimal::TWO;
    if STRUCTURE.iter().any(|w| header.contains(w)) {
        return hundred;
    }
    if NOT_ADDITIVE.iter().any(|w| header.contains(w)) {
        return false;
    }
    let column: Vec<&Num> = g
        .rows
        .iter()
        .filter_map(|r| r.cells.get(c)?.num())
        .collect();
    if column
        .iter()
        .any(|n| n.value.is_sign_negative() && !n.value.is_zero())
    {
        return false;
    }
    // An average lies among its members; a sum lies above them all.
    if parts.len() >= 2 && !hundred {
        let min = parts.iter().map(|p| p.value).min().unwrap_or_default();
        let max = parts.iter().map(|p| p.value).max().unwrap_or_default();
        let sum: Decimal = parts.iter().map(|p| p.value).sum();
        if total.value >= min && total.value <= max && total.value * Decimal::TWO < sum {
            return false;
        }
    }
    true
}

/// True when the figures of row `t`, column `c` are counts (a count unit in
/// the row's unit cell, the column header, the table's unit line or the
/// label), never rounded.
fn counts(g: &Grid, t: usize, c: usize) -> bool {
    // The header's unit is what its brackets hold (`床位数（张）`).
    let header = g.header(c);
    let bracketed = header
        .split(['（', '('])
        .nth(1)
        .map(|u| u.trim_end_matches(['）', ')']))
        .unwrap_or("");
    let unit = [
        g.rows[t].unit.as_str(),
        bracketed,
        g.unit.as_deref().unwrap_or(""),
    ]
    .concat();
    !unit.is_empty()
        && !unit.contains(['万', '亿', '千', '百', '元'])
        && unit.chars().any(|ch| COUNTS.contains(&ch))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_of_numbered_and_subset_rows() {
        assert_eq!(mark("一、文化事业").level, Some(1));
        assert_eq!(mark("（二）国内游客").level, Some(2));
        assert_eq!(mark("(一)国际").level, Some(2));
        assert_eq!(mark("3、秋粮").level, Some(3));
        assert_eq!(mark("2.好转").level, Some(3));
        assert_eq!(mark("(1)小学").level, Some(4));
        assert_eq!(mark("0-17岁").level, None);
        assert_eq!(mark("2.5级").level, None);
        assert_eq!(
            (mark("A城市低保").level, mark("B农村低保").number),
            (Some(6), 2)
        );
        assert_eq!(
            (mark("II临时补助").level, mark("II临时补助").number),
            (Some(7), 2)
        );
        assert_eq!(mark("IV类水质").number, 4);
        assert_eq!(mark("IC卡").level, None);
        assert_eq!(mark("GDP增速").level, None);
        assert!(mark("#婚姻").subset);
        assert!(mark("其中：城镇").qizhong);
        assert_eq!(bare("1、夏粮"), "夏粮");
        assert_eq!(bare("其中：城镇"), "城镇");
        assert_eq!(age_band("60岁及以上"), Some((Decimal::new(60, 0), None)));
        assert_eq!(
            age_band("18-34岁"),
            Some((Decimal::new(18, 0), Some(Decimal::new(34, 0))))
        );
        assert!(is_total_label("乡镇级合计"));
        assert!(is_total_label("全市"));
        assert!(!is_total_label("全市场"));
    }
}
