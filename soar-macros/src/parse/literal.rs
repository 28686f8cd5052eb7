//! Literals in attributes: `default = 30`, `value_list = ["a", "b"]`, `examples = [1, 2]`,
//! and `contains = ["domain", custom("vendor id")]`.

use darling::{Error, FromMeta};
use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{Expr, ExprLit, ExprUnary, Lit, UnOp};

/// The value of a literal.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A string.
    Text(String),
    /// An integer.
    Integer(i64),
    /// A float.
    Float(f64),
    /// `true` or `false`.
    Bool(bool),
}

/// A literal with where it was written.
#[derive(Debug, Clone)]
pub struct Literal {
    /// Its value.
    pub value: Value,
    /// Where it is.
    pub span: Span,
}

impl Literal {
    /// Whether two literals denote the same JSON value (`1` and `1.0` do).
    pub fn same_value(&self, other: &Self) -> bool {
        match (&self.value, &other.value) {
            (Value::Integer(a), Value::Float(b)) | (Value::Float(b), Value::Integer(a)) => {
                // Exact for the integers a literal list holds in practice.
                (*a as f64) == *b
            }
            (a, b) => a == b,
        }
    }

    fn from_lit(lit: &Lit, negative: bool) -> darling::Result<Self> {
        let span = lit.span();
        let sign = if negative { "-" } else { "" };
        let value = match lit {
            Lit::Str(text) if !negative => Value::Text(text.value()),
            Lit::Bool(flag) if !negative => Value::Bool(flag.value),
            Lit::Int(int) => Value::Integer(
                format!("{sign}{}", int.base10_digits())
                    .parse()
                    .map_err(|_| {
                        Error::custom("this integer does not fit an i64").with_span(lit)
                    })?,
            ),
            Lit::Float(float) => {
                let number: f64 = format!("{sign}{}", float.base10_digits())
                    .parse()
                    .map_err(|_| Error::custom("this is not a float").with_span(lit))?;
                if !number.is_finite() {
                    return Err(Error::custom("a float literal must be finite").with_span(lit));
                }
                Value::Float(number)
            }
            _ => {
                return Err(
                    Error::custom("expected a string, number or boolean literal").with_span(lit),
                );
            }
        };
        Ok(Self { value, span })
    }
}

impl FromMeta for Literal {
    fn from_expr(expr: &Expr) -> darling::Result<Self> {
        match expr {
            Expr::Lit(ExprLit { lit, .. }) => Self::from_lit(lit, false),
            Expr::Unary(ExprUnary {
                op: UnOp::Neg(_),
                expr: inner,
                ..
            }) => match &**inner {
                Expr::Lit(ExprLit { lit, .. }) => {
                    let mut literal = Self::from_lit(lit, true)?;
                    literal.span = expr.span();
                    Ok(literal)
                }
                _ => Err(Error::custom("expected a literal").with_span(expr)),
            },
            Expr::Group(group) => Self::from_expr(&group.expr),
            _ => Err(Error::custom("expected a string, number or boolean literal").with_span(expr)),
        }
    }

    fn from_value(lit: &Lit) -> darling::Result<Self> {
        Self::from_lit(lit, false)
    }
}

/// A list of literals: `[1, 2]`; a single literal counts as a list of one.
#[derive(Debug, Clone, Default)]
pub struct LiteralList(pub Vec<Literal>);

impl FromMeta for LiteralList {
    fn from_expr(expr: &Expr) -> darling::Result<Self> {
        match expr {
            Expr::Array(array) => {
                let mut errors = Error::accumulator();
                let items = array
                    .elems
                    .iter()
                    .filter_map(|item| errors.handle(Literal::from_expr(item)))
                    .collect();
                errors.finish_with(Self(items))
            }
            Expr::Group(group) => Self::from_expr(&group.expr),
            other => Literal::from_expr(other).map(|literal| Self(vec![literal])),
        }
    }

    fn from_value(lit: &Lit) -> darling::Result<Self> {
        Literal::from_value(lit).map(|literal| Self(vec![literal]))
    }
}

/// One `contains` string: a known one as written, or an app-specific one marked `custom(...)`.
#[derive(Debug, Clone)]
pub struct ContainsItem {
    /// The string.
    pub value: String,
    /// Whether it was marked app-specific.
    pub custom: bool,
    /// Where it is.
    pub span: Span,
}

/// `contains = ["domain", custom("vendor id")]`, or a single string.
#[derive(Debug, Clone, Default)]
pub struct ContainsList(pub Vec<ContainsItem>);

impl ContainsItem {
    fn from_expr(expr: &Expr) -> darling::Result<Self> {
        const EXPECTED: &str = "expected a contains string such as \"domain\", or custom(\"...\") for an app-specific one";
        match expr {
            Expr::Lit(ExprLit {
                lit: Lit::Str(text),
                ..
            }) => Ok(Self {
                value: text.value(),
                custom: false,
                span: text.span(),
            }),
            Expr::Call(call) if matches!(&*call.func, Expr::Path(path) if path.path.is_ident("custom")) => {
                match call.args.first() {
                    Some(Expr::Lit(ExprLit {
                        lit: Lit::Str(text),
                        ..
                    })) if call.args.len() == 1 => Ok(Self {
                        value: text.value(),
                        custom: true,
                        span: text.span(),
                    }),
                    _ => Err(
                        Error::custom("`custom` takes one string: custom(\"vendor id\")")
                            .with_span(call),
                    ),
                }
            }
            Expr::Group(group) => Self::from_expr(&group.expr),
            _ => Err(Error::custom(EXPECTED).with_span(expr)),
        }
    }
}

impl FromMeta for ContainsList {
    fn from_expr(expr: &Expr) -> darling::Result<Self> {
        match expr {
            Expr::Array(array) => {
                let mut errors = Error::accumulator();
                let items = array
                    .elems
                    .iter()
                    .filter_map(|item| errors.handle(ContainsItem::from_expr(item)))
                    .collect();
                errors.finish_with(Self(items))
            }
            other => ContainsItem::from_expr(other).map(|item| Self(vec![item])),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use syn::parse_quote;

    #[test]
    fn literals_of_every_kind() {
        let parse = |expr: Expr| Literal::from_expr(&expr).map(|literal| literal.value);
        assert_eq!(parse(parse_quote!("a")).unwrap(), Value::Text("a".into()));
        assert_eq!(parse(parse_quote!(30)).unwrap(), Value::Integer(30));
        assert_eq!(parse(parse_quote!(-3)).unwrap(), Value::Integer(-3));
        assert_eq!(parse(parse_quote!(1.5)).unwrap(), Value::Float(1.5));
        assert_eq!(parse(parse_quote!(true)).unwrap(), Value::Bool(true));
        assert!(parse(parse_quote!(b'x')).is_err());
        assert!(parse(parse_quote!(-"a")).is_err());
        assert!(parse(parse_quote!(x + 1)).is_err());
    }

    #[test]
    fn lists_accumulate_errors() {
        let list = LiteralList::from_expr(&parse_quote!([1, "a", 2.0])).unwrap();
        assert_eq!(list.0.len(), 3);
        assert!(list.0[0].same_value(&list.0[2].clone().with(Value::Float(1.0))));
        let error = LiteralList::from_expr(&parse_quote!([x, y])).unwrap_err();
        assert_eq!(error.len(), 2);
    }

    #[test]
    fn contains_lists() {
        let list = ContainsList::from_expr(&parse_quote!(["domain", custom("vendor id")])).unwrap();
        assert_eq!(list.0[0].value, "domain");
        assert!(!list.0[0].custom);
        assert_eq!(list.0[1].value, "vendor id");
        assert!(list.0[1].custom);
        let single = ContainsList::from_expr(&parse_quote!("ip")).unwrap();
        assert_eq!(single.0.len(), 1);
        assert!(ContainsList::from_expr(&parse_quote!([custom(1)])).is_err());
        assert!(ContainsList::from_expr(&parse_quote!([other("x")])).is_err());
    }

    impl Literal {
        fn with(mut self, value: Value) -> Self {
            self.value = value;
            self
        }
    }
}
