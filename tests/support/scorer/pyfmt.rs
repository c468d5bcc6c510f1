//! Python's `repr()` and `str()`, as far as `score.py` uses them to write its
//! problem lines, so that the Rust port prints the very same lines.
//!
//! Known limit: Python also escapes *unassigned* code points (category Cn),
//! which would need the whole Unicode table; news text does not contain them.

use serde_json::Value;

/// Code points that Python's `str.isprintable()` rejects, apart from the
/// unassigned ones: controls, format characters, separators other than the
/// ASCII space, private use (generated from Python 3.11, Unicode 14).
const NOT_PRINTABLE: &[(u32, u32)] = &[
    (0x0, 0x1F),
    (0x7F, 0xA0),
    (0xAD, 0xAD),
    (0x600, 0x605),
    (0x61C, 0x61C),
    (0x6DD, 0x6DD),
    (0x70F, 0x70F),
    (0x890, 0x891),
    (0x8E2, 0x8E2),
    (0x1680, 0x1680),
    (0x180E, 0x180E),
    (0x2000, 0x200F),
    (0x2028, 0x202F),
    (0x205F, 0x2064),
    (0x2066, 0x206F),
    (0x3000, 0x3000),
    (0xE000, 0xF8FF),
    (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFB),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x13438),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0001, 0xE0001),
    (0xE0020, 0xE007F),
    (0xF0000, 0xFFFFD),
    (0x100000, 0x10FFFD),
];

fn is_printable(c: char) -> bool {
    let cp = c as u32;
    !NOT_PRINTABLE.iter().any(|&(lo, hi)| (lo..=hi).contains(&cp))
}

/// Python's `s[:n]`: the first `n` characters (code points, not bytes).
pub fn prefix(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// Python's `repr(s)` of a `str`: single quotes unless the text holds a `'`
/// and no `"`, with Python's escapes.
pub fn repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
    out
}

/// Python's `repr()` of a list of strings: `['a', 'b']`.
pub fn repr_str_list<'a>(items: impl IntoIterator<Item = &'a String>) -> String {
    let inner: Vec<String> = items.into_iter().map(|s| repr_str(s)).collect();
    format!("[{}]", inner.join(", "))
}

/// Python's `str()` of what `json.loads` gives for a JSON value (`None` for
/// null or a missing key). Object keys come in serde_json's order, which is
/// sorted rather than the document's: only an object with several keys in a
/// `text` field would show the difference.
pub fn str_value(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.clone(),
        other => repr_value(other),
    }
}

/// Python's `repr()` of a JSON value as `json.loads` gives it.
pub fn repr_value(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => "None".to_string(),
        Some(Value::Bool(true)) => "True".to_string(),
        Some(Value::Bool(false)) => "False".to_string(),
        Some(Value::Number(n)) => match n.as_f64() {
            Some(f) if n.is_f64() => repr_float(f),
            _ => n.to_string(),
        },
        Some(Value::String(s)) => repr_str(s),
        Some(Value::Array(items)) => {
            let inner: Vec<String> = items.iter().map(|x| repr_value(Some(x))).collect();
            format!("[{}]", inner.join(", "))
        }
        Some(Value::Object(map)) => {
            let inner: Vec<String> =
                map.iter().map(|(k, x)| format!("{}: {}", repr_str(k), repr_value(Some(x)))).collect();
            format!("{{{}}}", inner.join(", "))
        }
    }
}

/// Python's `repr()` of a finite float: the shortest round-trip digits, in
/// positional notation when the decimal exponent is in [-4, 16), otherwise
/// as `d.ddde+XX`.
pub fn repr_float(f: f64) -> String {
    // `{:e}` gives the shortest round-trip digits, e.g. "-1.25e-7".
    let sci = format!("{:e}", f);
    let (mantissa, exp) = sci.split_once('e').expect("`{:e}` always writes an exponent");
    let exp: i32 = exp.parse().expect("`{:e}` writes an integer exponent");
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mantissa),
    };
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    // Python's `decpt`: the value is 0.DIGITS × 10^decpt.
    let decpt = exp + 1;
    let body = if (-3..=16).contains(&decpt) {
        positional(&digits, decpt)
    } else {
        let (first, rest) = digits.split_at(1);
        let dot_rest = if rest.is_empty() { String::new() } else { format!(".{rest}") };
        let esign = if exp < 0 { '-' } else { '+' };
        format!("{first}{dot_rest}e{esign}{:02}", exp.abs())
    };
    format!("{sign}{body}")
}

/// `0.DIGITS × 10^decpt` written out, always with a fractional part.
fn positional(digits: &str, decpt: i32) -> String {
    if decpt <= 0 {
        return format!("0.{}{}", "0".repeat(decpt.unsigned_abs() as usize), digits);
    }
    let decpt = decpt as usize;
    if digits.len() <= decpt {
        format!("{}{}.0", digits, "0".repeat(decpt - digits.len()))
    } else {
        format!("{}.{}", &digits[..decpt], &digits[decpt..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_of_strings_matches_python() {
        assert_eq!(repr_str("plain"), "'plain'");
        assert_eq!(repr_str("He's"), "\"He's\"");
        assert_eq!(repr_str("both ' and \""), "'both \\' and \"'");
        assert_eq!(repr_str("a\\b\nc\td\u{7}"), "'a\\\\b\\nc\\td\\x07'");
        assert_eq!(repr_str("nbsp\u{a0}zw\u{200b}’…"), "'nbsp\\xa0zw\\u200b’…'");
        assert_eq!(repr_str("\u{f0000}"), "'\\U000f0000'");
    }

    #[test]
    fn repr_of_values_matches_python() {
        assert_eq!(str_value(None), "None");
        assert_eq!(str_value(Some(&serde_json::json!("x'y"))), "x'y");
        assert_eq!(str_value(Some(&serde_json::json!([1, "a", null, true]))), "[1, 'a', None, True]");
        assert_eq!(repr_float(12.5), "12.5");
        assert_eq!(repr_float(100.0), "100.0");
        assert_eq!(repr_float(1e16), "1e+16");
        assert_eq!(repr_float(1e15), "1000000000000000.0");
        assert_eq!(repr_float(0.0001), "0.0001");
        assert_eq!(repr_float(0.00001), "1e-05");
        assert_eq!(repr_float(-1.5e-7), "-1.5e-07");
        assert_eq!(repr_float(-0.0), "-0.0");
    }

    #[test]
    fn prefix_counts_characters() {
        assert_eq!(prefix("Russia’s arrest", 8), "Russia’s");
        assert_eq!(prefix("short", 80), "short");
    }
}
