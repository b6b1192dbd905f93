//! A small JSON Schema checker: the subset `openapi.json` uses
//! (`$ref`, `type` (one or several), `properties`, `required`,
//! `additionalProperties: false`, `items`, `enum`, `oneOf`, `minimum`, `maximum`).
//! Any other keyword in the spec is an error, so the checker never silently skips a rule.
#![allow(dead_code)]

use serde_json::Value;

const KNOWN: &[&str] = &[
    "$ref",
    "type",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "enum",
    "oneOf",
    "minimum",
    "maximum",
    "description",
    "example",
    "format",
    "default",
];

/// Checks `v` against `schema`; returns every violation, with its JSON path.
pub fn check(spec: &Value, schema: &Value, v: &Value) -> Vec<String> {
    let mut errs = Vec::new();
    walk(spec, schema, v, "$", &mut errs);
    errs
}

fn resolve<'a>(spec: &'a Value, r: &str) -> Option<&'a Value> {
    let path = r.strip_prefix("#/")?;
    path.split('/').try_fold(spec, |node, key| node.get(key))
}

fn type_ok(t: &str, v: &Value) -> bool {
    match t {
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "integer" => v.is_i64() || v.is_u64(),
        "number" => v.is_number(),
        "boolean" => v.is_boolean(),
        "null" => v.is_null(),
        _ => false,
    }
}

fn walk(spec: &Value, s: &Value, v: &Value, at: &str, errs: &mut Vec<String>) {
    let Some(obj) = s.as_object() else {
        errs.push(format!("{at}: schema is not an object"));
        return;
    };
    for k in obj.keys() {
        if !KNOWN.contains(&k.as_str()) {
            errs.push(format!("{at}: checker does not know schema keyword {k:?}"));
        }
    }
    if let Some(r) = obj.get("$ref").and_then(Value::as_str) {
        match resolve(spec, r) {
            Some(target) => walk(spec, target, v, at, errs),
            None => errs.push(format!("{at}: dangling $ref {r}")),
        }
        return;
    }
    if let Some(t) = obj.get("type") {
        let types: Vec<&str> = match t {
            Value::String(s) => vec![s.as_str()],
            Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        if !types.iter().any(|t| type_ok(t, v)) {
            errs.push(format!("{at}: expected {types:?}, got {v}"));
            return;
        }
    }
    if let Some(Value::Array(options)) = obj.get("enum") {
        if !options.contains(v) {
            errs.push(format!("{at}: {v} not in enum {options:?}"));
        }
    }
    if let Some(n) = v.as_f64() {
        if obj
            .get("minimum")
            .and_then(Value::as_f64)
            .is_some_and(|m| n < m)
        {
            errs.push(format!("{at}: {n} below minimum"));
        }
        if obj
            .get("maximum")
            .and_then(Value::as_f64)
            .is_some_and(|m| n > m)
        {
            errs.push(format!("{at}: {n} above maximum"));
        }
    }
    if let Some(Value::Array(options)) = obj.get("oneOf") {
        let passing = options
            .iter()
            .filter(|o| check(spec, o, v).is_empty())
            .count();
        if passing != 1 {
            errs.push(format!(
                "{at}: matches {passing} of oneOf's {} schemas",
                options.len()
            ));
        }
    }
    if let (Some(items), Value::Array(a)) = (obj.get("items"), v) {
        for (i, x) in a.iter().enumerate() {
            walk(spec, items, x, &format!("{at}[{i}]"), errs);
        }
    }
    if let Value::Object(map) = v {
        let props = obj.get("properties").and_then(Value::as_object);
        if let Some(Value::Array(req)) = obj.get("required") {
            for r in req.iter().filter_map(Value::as_str) {
                if !map.contains_key(r) {
                    errs.push(format!("{at}: missing required {r:?}"));
                }
            }
        }
        for (k, x) in map {
            match props.and_then(|p| p.get(k)) {
                Some(ps) => walk(spec, ps, x, &format!("{at}.{k}"), errs),
                None if obj.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    errs.push(format!("{at}: property {k:?} is not in the spec"))
                }
                None => {}
            }
        }
    }
}
