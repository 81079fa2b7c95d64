//! Formula expressions: the AST of a `value` string, its pest parser
//! (`grammar/formula.pest`), interval evaluation and dimensions.

use std::collections::BTreeMap;

use pest::iterators::Pair;
use pest::Parser as _;
use rust_decimal::Decimal;

use crate::quantity::Interval;
use grammar::{FormulaParser, Rule};

mod grammar {
    //! The pest parser generated from `grammar/formula.pest`.
    use pest_derive::Parser;

    /// Parser for formula expressions.
    #[derive(Parser)]
    #[grammar = "../grammar/formula.pest"]
    pub(super) struct FormulaParser;
}

/// An arithmetic operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// `+`
    Add,
    /// `−` (also `-`, `－`)
    Sub,
    /// `×` (also `*`, `＊`)
    Mul,
    /// `÷` (also `/`, `／`)
    Div,
}

impl Op {
    /// The operator as yblint prints it (`÷`).
    pub fn symbol(self) -> &'static str {
        match self {
            Op::Add => "+",
            Op::Sub => "−",
            Op::Mul => "×",
            Op::Div => "÷",
        }
    }
}

/// A node of an expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// A constant (`100`, `1000`), exact.
    Number(Decimal),
    /// An operand: an index into [`Expression::operands`].
    Operand(usize),
    /// A parenthesised expression (kept to print it as written).
    Paren(Box<Expr>),
    /// `left op right`.
    Binary(Op, Box<Expr>, Box<Expr>),
}

/// A label operand: the names a figure's label may carry (`逾期金额|逾期贷款余额`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Operand {
    /// The alternatives, in the order written; never empty, no empty name.
    pub names: Vec<String>,
    /// Byte range of the operand within the expression text.
    pub at: std::ops::Range<usize>,
}

/// A parsed formula expression.
#[derive(Debug, Clone, PartialEq)]
pub struct Expression {
    /// The root node.
    pub root: Expr,
    /// The distinct operands, in order of first appearance (an operand
    /// written twice with the same names is one operand).
    pub operands: Vec<Operand>,
}

/// Why an expression could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// Byte offset of the offending position within the expression text
    /// (the text's length when it ends too early).
    pub offset: usize,
    /// What is wrong, in words (`expected a label, a number or "(" …`).
    pub message: String,
}

/// The dimension of a value: each base dimension of the unit table
/// (`money`, `persons`, `count:床`) with its exponent; empty for a pure
/// number (a ratio, a percentage, a constant).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dim(BTreeMap<String, i32>);

impl Dim {
    /// A pure number.
    pub fn none() -> Dim {
        Dim::default()
    }

    /// One base dimension to the first power.
    pub fn of(base: &str) -> Dim {
        Dim(BTreeMap::from([(base.to_string(), 1)]))
    }

    /// True for a pure number.
    pub fn is_none(&self) -> bool {
        self.0.is_empty()
    }

    /// This dimension divided by `other` (`mass` per `area`).
    pub fn per(&self, other: &Dim) -> Dim {
        self.combine(other, -1)
    }

    fn combine(&self, other: &Dim, sign: i32) -> Dim {
        let mut out = self.0.clone();
        for (k, v) in &other.0 {
            let e = out.entry(k.clone()).or_insert(0);
            *e += sign * v;
            if *e == 0 {
                out.remove(k);
            }
        }
        Dim(out)
    }
}

impl Expression {
    /// Parses an expression (the `value` of a `[[formula]]`).
    ///
    /// Errors: a [`SyntaxError`] with the byte offset of the first position
    /// that does not fit the grammar, or of a formula without any label; a
    /// formula longer than [`MAX_CHARS`] characters, or with parentheses
    /// nested deeper than [`MAX_DEPTH`].
    pub fn parse(text: &str) -> Result<Expression, SyntaxError> {
        check_bounds(text)?;
        let mut pairs =
            FormulaParser::parse(Rule::formula, text).map_err(|e| syntax_error(text, e))?;
        let formula = pairs.next().ok_or_else(|| SyntaxError {
            offset: 0,
            message: "empty formula".into(),
        })?;
        let mut operands = Vec::new();
        let expr = formula
            .into_inner()
            .find(|p| p.as_rule() == Rule::expr)
            .ok_or_else(|| SyntaxError {
                offset: 0,
                message: "empty formula".into(),
            })?;
        let root = build(expr, &mut operands);
        if operands.is_empty() {
            return Err(SyntaxError {
                offset: 0,
                message: "a formula needs at least one label to look up in the draft".into(),
            });
        }
        Ok(Expression { root, operands })
    }

    /// The value the expression allows when operand `i` allows `values[i]`;
    /// `None` when a divisor may be zero, on overflow, or when `values` is
    /// too short.
    pub fn eval(&self, values: &[Interval]) -> Option<Interval> {
        eval(&self.root, values)
    }

    /// The dimension of the result when operand `i` has `dims[i]`; `None`
    /// when a sum or difference mixes dimensions (money with persons).
    pub fn dimension(&self, dims: &[Dim]) -> Option<Dim> {
        dimension(&self.root, dims)
    }

    /// The expression written out, each operand replaced by `show(i)`:
    /// `逾期金额 245.95万元 ÷ 贷款余额 27848.6万元`.
    pub fn render(&self, show: &dyn Fn(usize) -> String) -> String {
        render(&self.root, show)
    }
}

/// The deepest nesting of parentheses a formula may have.
pub const MAX_DEPTH: usize = 64;

/// The longest formula, in characters.
pub const MAX_CHARS: usize = 1000;

/// Refuses a formula too long or too deeply nested to be read safely (the
/// parser and the evaluation descend once per level).
fn check_bounds(text: &str) -> Result<(), SyntaxError> {
    let mut depth = 0usize;
    for (at, c) in text.char_indices() {
        match c {
            '(' | '（' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(SyntaxError {
                        offset: at,
                        message: format!("parentheses nested more than {MAX_DEPTH} deep"),
                    });
                }
            }
            ')' | '）' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    if let Some((at, _)) = text.char_indices().nth(MAX_CHARS) {
        return Err(SyntaxError {
            offset: at,
            message: format!("a formula is at most {MAX_CHARS} characters long"),
        });
    }
    Ok(())
}

fn build(pair: Pair<'_, Rule>, operands: &mut Vec<Operand>) -> Expr {
    match pair.as_rule() {
        Rule::expr | Rule::term => {
            let mut inner = pair.into_inner();
            let mut acc = match inner.next() {
                Some(first) => build(first, operands),
                None => Expr::Number(Decimal::ZERO),
            };
            while let (Some(op), Some(rhs)) = (inner.next(), inner.next()) {
                let op = match op.into_inner().next().map(|p| p.as_rule()) {
                    Some(Rule::plus) => Op::Add,
                    Some(Rule::minus) => Op::Sub,
                    Some(Rule::times) => Op::Mul,
                    _ => Op::Div,
                };
                acc = Expr::Binary(op, Box::new(acc), Box::new(build(rhs, operands)));
            }
            acc
        }
        Rule::paren => match pair.into_inner().next() {
            Some(e) => Expr::Paren(Box::new(build(e, operands))),
            None => Expr::Number(Decimal::ZERO),
        },
        Rule::number => Expr::Number(pair.as_str().parse().unwrap_or(Decimal::ZERO)),
        Rule::operand => {
            let span = pair.as_span();
            let names: Vec<String> = pair.into_inner().map(|l| l.as_str().to_string()).collect();
            let i = match operands.iter().position(|o| o.names == names) {
                Some(i) => i,
                None => {
                    operands.push(Operand {
                        names,
                        at: span.start()..span.end(),
                    });
                    operands.len() - 1
                }
            };
            Expr::Operand(i)
        }
        _ => Expr::Number(Decimal::ZERO),
    }
}

fn eval(e: &Expr, values: &[Interval]) -> Option<Interval> {
    match e {
        Expr::Number(n) => Some(Interval::exact(*n)),
        Expr::Operand(i) => values.get(*i).copied(),
        Expr::Paren(inner) => eval(inner, values),
        Expr::Binary(op, l, r) => {
            let (l, r) = (eval(l, values)?, eval(r, values)?);
            match op {
                Op::Add => l.plus(r),
                Op::Sub => l.minus(r),
                Op::Mul => l.times(r),
                Op::Div => l.over(r),
            }
        }
    }
}

fn dimension(e: &Expr, dims: &[Dim]) -> Option<Dim> {
    match e {
        Expr::Number(_) => Some(Dim::none()),
        Expr::Operand(i) => dims.get(*i).cloned(),
        Expr::Paren(inner) => dimension(inner, dims),
        Expr::Binary(op, l, r) => {
            let (l, r) = (dimension(l, dims)?, dimension(r, dims)?);
            match op {
                Op::Add | Op::Sub => (l == r).then_some(l),
                Op::Mul => Some(l.combine(&r, 1)),
                Op::Div => Some(l.combine(&r, -1)),
            }
        }
    }
}

fn render(e: &Expr, show: &dyn Fn(usize) -> String) -> String {
    match e {
        Expr::Number(n) => n.to_string(),
        Expr::Operand(i) => show(*i),
        Expr::Paren(inner) => format!("({})", render(inner, show)),
        Expr::Binary(op, l, r) => {
            format!("{} {} {}", render(l, show), op.symbol(), render(r, show))
        }
    }
}

/// Turns a pest error into our own message and a byte offset (pest's own
/// display counts characters, which is wrong under full-width text).
fn syntax_error(text: &str, e: pest::error::Error<Rule>) -> SyntaxError {
    use pest::error::{ErrorVariant, InputLocation};
    let offset = match e.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    }
    .min(text.len());
    let rest = text[offset..].trim_start_matches([' ', '\t', '\u{3000}']);
    let found = match rest.chars().next() {
        None => "the end of the formula".to_string(),
        Some(c) => format!("`{c}`"),
    };
    let positives = match &e.variant {
        ErrorVariant::ParsingError { positives, .. } => positives.clone(),
        ErrorVariant::CustomError { .. } => Vec::new(),
    };
    let wants_operand = positives.iter().any(|r| {
        matches!(
            r,
            Rule::expr | Rule::term | Rule::number | Rule::operand | Rule::paren | Rule::label
        )
    });
    let expected = if wants_operand || positives.is_empty() {
        "a label, a number or `(`"
    } else {
        "an operator (+ − × ÷), `|` between names, `)` or the end of the formula"
    };
    SyntaxError {
        offset: text.len() - rest.len(),
        message: format!("expected {expected}, found {found}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn parses_precedence_and_alternatives() {
        let e = Expression::parse("逾期金额|逾期贷款余额 / 贷款余额").unwrap();
        assert_eq!(e.operands.len(), 2);
        assert_eq!(e.operands[0].names, vec!["逾期金额", "逾期贷款余额"]);
        let e = Expression::parse("（出生人口 − 死亡人口）÷ 年平均人口 × 1000").unwrap();
        assert_eq!(e.render(&|i| format!("#{i}")), "(#0 − #1) ÷ #2 × 1000");
        let e = Expression::parse("甲 + 乙 * 丙").unwrap();
        match e.root {
            Expr::Binary(Op::Add, _, r) => assert!(matches!(*r, Expr::Binary(Op::Mul, _, _))),
            other => panic!("{other:?}"),
        }
        // The same operand twice is one operand.
        assert_eq!(
            Expression::parse("甲 / (甲 + 乙)").unwrap().operands.len(),
            2
        );
    }

    #[test]
    fn evaluates_over_intervals() {
        let e = Expression::parse("出生率 - 死亡率").unwrap();
        let v = e
            .eval(&[
                Interval::new(d("8.615"), d("8.625")),
                Interval::new(d("7.145"), d("7.155")),
            ])
            .unwrap();
        assert_eq!(v, Interval::new(d("1.460"), d("1.480")));
        let q = Expression::parse("甲 / 乙").unwrap();
        assert!(q
            .eval(&[Interval::exact(d("1")), Interval::exact(Decimal::ZERO)])
            .is_none());
    }

    #[test]
    fn dimensions() {
        let e = Expression::parse("甲 / 乙").unwrap();
        assert!(e
            .dimension(&[Dim::of("money"), Dim::of("money")])
            .unwrap()
            .is_none());
        assert!(!e
            .dimension(&[Dim::of("money"), Dim::of("persons")])
            .unwrap()
            .is_none());
        let s = Expression::parse("甲 - 乙").unwrap();
        assert!(s.dimension(&[Dim::of("money"), Dim::none()]).is_none());
    }

    #[test]
    fn syntax_errors_carry_byte_offsets() {
        let e = Expression::parse("贷款余额 缴存余额").unwrap_err();
        assert_eq!(e.offset, "贷款余额 ".len());
        assert!(e.message.contains("found `缴`"), "{}", e.message);
        let e = Expression::parse("贷款余额 /").unwrap_err();
        assert_eq!(e.offset, "贷款余额 /".len());
        assert_eq!(
            e.message,
            "expected a label, a number or `(`, found the end of the formula"
        );
        let e = Expression::parse("(甲 / 乙").unwrap_err();
        assert_eq!(e.offset, "(甲 / 乙".len());
        let e = Expression::parse("100 / 3").unwrap_err();
        assert!(e.message.contains("at least one label"));
        assert!(Expression::parse("").is_err());
        assert!(Expression::parse("甲 // 乙").is_err());
    }

    #[test]
    fn depth_and_length_are_bounded() {
        let deep = format!("{}甲{}", "(".repeat(64), ")".repeat(64));
        assert!(Expression::parse(&deep).is_ok());
        let deeper = format!("{}甲{}", "（".repeat(65), "）".repeat(65));
        let e = Expression::parse(&deeper).unwrap_err();
        assert_eq!(e.offset, "（".len() * 64);
        assert_eq!(e.message, "parentheses nested more than 64 deep");
        let long = "甲+".repeat(500) + "甲";
        let e = Expression::parse(&long).unwrap_err();
        assert_eq!(e.offset, "甲+".len() * 500);
    }
}
