//! Bytes to text: BOMs, UTF-16, invalid UTF-8, NUL bytes, line endings
//! and the size limit. Pure functions, testable without files.

use super::MAX_FILE_BYTES;

/// Bytes to text: a pure function, so every rule is testable without files.
/// `Err` means the file is skipped, with that message; `Ok` may still carry
/// warnings (lossy decoding).
pub fn decode(bytes: &[u8]) -> Result<(String, Vec<String>), String> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    let mut warnings = Vec::new();
    let text = if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        decode_utf16(rest, u16::from_le_bytes, &mut warnings)
    } else if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        decode_utf16(rest, u16::from_be_bytes, &mut warnings)
    } else {
        let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
        if bytes.contains(&0) {
            return Err("binary file (contains NUL bytes), skipped".to_string());
        }
        match std::str::from_utf8(bytes) {
            Ok(s) => s.to_string(),
            Err(_) => {
                let text = String::from_utf8_lossy(bytes).into_owned();
                let bad = text.matches('\u{fffd}').count();
                warnings.push(format!(
                    "not valid UTF-8; decoded lossily ({bad} invalid sequence{} replaced by �)",
                    if bad == 1 { "" } else { "s" }
                ));
                text
            }
        }
    };
    if text.contains('\0') {
        return Err("binary file (contains NUL characters), skipped".to_string());
    }
    if text.trim().is_empty() {
        return Err("empty file, skipped".to_string());
    }
    Ok((normalize_newlines(text), warnings))
}

/// `decode` of bytes we own: plain UTF-8 without a BOM (the usual file)
/// becomes the text without a copy; anything else goes through `decode`.
pub(super) fn decode_owned(bytes: Vec<u8>) -> Result<(String, Vec<String>), String> {
    let plain = !bytes.starts_with(b"\xff\xfe")
        && !bytes.starts_with(b"\xfe\xff")
        && !bytes.starts_with(b"\xef\xbb\xbf");
    match String::from_utf8(bytes) {
        Ok(text) if plain => finish_plain(text),
        Ok(text) => decode(text.as_bytes()),
        Err(err) => decode(err.as_bytes()),
    }
}

/// `decode`'s checks on text that was valid BOM-less UTF-8 from the start.
pub(super) fn finish_plain(text: String) -> Result<(String, Vec<String>), String> {
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(text.len() as u64));
    }
    // One scan for both NUL and CR (nearly every file has neither).
    let odd = crate::sanitize::find_byte(text.as_bytes(), 0, |b| (b == 0) | (b == b'\r'));
    if odd.is_some() && text.contains('\0') {
        return Err("binary file (contains NUL bytes), skipped".to_string());
    }
    if text.trim().is_empty() {
        return Err("empty file, skipped".to_string());
    }
    match odd {
        Some(_) => Ok((normalize_newlines(text), Vec::new())),
        None => Ok((text, Vec::new())),
    }
}

pub(super) fn decode_utf16(
    bytes: &[u8],
    unit: fn([u8; 2]) -> u16,
    warnings: &mut Vec<String>,
) -> String {
    let units = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]]));
    let mut bad = 0usize;
    let text: String = char::decode_utf16(units)
        .map(|r| {
            r.unwrap_or_else(|_| {
                bad += 1;
                '\u{fffd}'
            })
        })
        .collect();
    if bytes.len() % 2 == 1 {
        bad += 1;
    }
    if bad > 0 {
        warnings.push(format!(
            "invalid UTF-16; decoded lossily ({bad} bad code unit{} replaced by �)",
            if bad == 1 { "" } else { "s" }
        ));
    }
    text
}

/// CRLF and lone CR become LF.
pub(super) fn normalize_newlines(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

pub(super) fn too_large(len: u64) -> String {
    format!(
        "file is larger than {} MiB ({len} bytes), skipped",
        MAX_FILE_BYTES / (1024 * 1024)
    )
}
