// Shapes serde writes that data paths cannot describe: each refused at the offending token.
use soar_runtime::prelude::*;

/// A pair, written as a JSON array of two types.
#[derive(serde::Serialize, ActionOutput)]
struct Pair(String, u32);

fn as_text<S: serde::Serializer>(value: &u32, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&value.to_string())
}

/// A field serialized by a function.
#[derive(serde::Serialize, ActionOutput)]
struct Custom {
    #[serde(serialize_with = "as_text")]
    count: u32,
}

/// A tuple variant.
#[derive(serde::Serialize, ActionOutput)]
enum Shape {
    Point(i32, i32),
    Circle { radius: u32 },
}

/// A unit struct, written as null.
#[derive(serde::Serialize, ActionOutput)]
struct Nothing;

fn main() {}
