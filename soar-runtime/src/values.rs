//! TEMPORARY shim until the typed values land from their branch.
#![allow(missing_docs)]
pub trait Param: Sized {
    const DATA_TYPE: &'static str;
    const CONTAINS: &'static [&'static str];
    fn from_param(value: &serde_json::Value) -> Result<Self, String>;
}
impl Param for String {
    const DATA_TYPE: &'static str = "string";
    const CONTAINS: &'static [&'static str] = &[];
    fn from_param(value: &serde_json::Value) -> Result<Self, String> {
        Ok(match value {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        })
    }
}
impl Param for i64 {
    const DATA_TYPE: &'static str = "numeric";
    const CONTAINS: &'static [&'static str] = &[];
    fn from_param(value: &serde_json::Value) -> Result<Self, String> {
        match value {
            serde_json::Value::Number(n) => n.as_i64().ok_or_else(|| "not an integer".into()),
            serde_json::Value::String(s) => s.parse().map_err(|_| "not an integer".into()),
            _ => Err("not an integer".into()),
        }
    }
}
