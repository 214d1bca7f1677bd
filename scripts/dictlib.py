"""Shared helpers of scripts/convert-phoenix and scripts/convert-cameo-verbs (stdlib only).

Reads the hand-made dictionaries (flow-style YAML, one entry a line) and writes generated
entries in the same flow style, which kg's fast loader reads without a YAML library.
"""

import re

# ---------------------------------------------------------------------------------------------
# Flow-style YAML, the subset the project's dictionaries use.


def parse_flow(text, pos=0):
    """Parses one flow value ({...}, [...] or a scalar) at pos; returns (value, next_pos)."""
    pos = skip_space(text, pos)
    if pos >= len(text):
        return None, pos
    c = text[pos]
    if c == "{":
        result = {}
        pos += 1
        while True:
            pos = skip_space(text, pos)
            if text[pos] == "}":
                return result, pos + 1
            key, pos = parse_scalar(text, pos, ":")
            pos = skip_space(text, pos)
            assert text[pos] == ":", text
            value, pos = parse_flow(text, pos + 1)
            result[key] = value
            pos = skip_space(text, pos)
            if text[pos] == ",":
                pos += 1
    if c == "[":
        result = []
        pos += 1
        while True:
            pos = skip_space(text, pos)
            if text[pos] == "]":
                return result, pos + 1
            value, pos = parse_flow(text, pos)
            result.append(value)
            pos = skip_space(text, pos)
            if text[pos] == ",":
                pos += 1
    return parse_scalar(text, pos, ",]}")


def skip_space(text, pos):
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


def parse_scalar(text, pos, stops):
    if text[pos] in "\"'":
        quote = text[pos]
        end = pos + 1
        out = []
        while True:
            if text[end] == quote:
                if quote == "'" and end + 1 < len(text) and text[end + 1] == "'":
                    out.append("'")
                    end += 2
                    continue
                break
            if quote == '"' and text[end] == "\\":
                out.append(text[end + 1])
                end += 2
                continue
            out.append(text[end])
            end += 1
        return "".join(out), end + 1
    end = pos
    while end < len(text) and text[end] not in stops:
        if text[end] == ":" and ":" in stops:
            break
        end += 1
    return text[pos:end].strip(), end


def read_flow_dictionary(path):
    """Sections of a flow-style dictionary file: {section: [entry dicts or scalars]}."""
    sections = {}
    current = None
    for line in open(path, encoding="utf-8"):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if not line.startswith(" ") and ":" in line:
            key, rest = line.split(":", 1)
            current = sections.setdefault(key.strip(), [])
            rest = rest.strip()
            if rest.startswith("["):
                value, _ = parse_flow(rest)
                current.extend(value)
            continue
        if stripped.startswith("- ") and current is not None:
            value, _ = parse_flow(stripped[2:])
            current.append(value)
    return sections


NEEDS_QUOTES = re.compile(r"""^[\s\-?:,\[\]{}#&*!|>'"%@`]|[:#,\[\]{}]|\s$|^$""")


def scalar(s):
    """A flow scalar, quoted only where YAML needs it."""
    s = str(s)
    plain = not NEEDS_QUOTES.search(s) and s.lower() not in (
        "true", "false", "null", "yes", "no", "on", "off", "~", "y", "n")
    if plain and not re.fullmatch(r"[-+]?[0-9][0-9_.eE+-]*", s):
        return s
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def flow_entry(fields):
    """`{k: v, k: [a, b]}` with keys in the given order, empty values left out."""
    parts = []
    for key, value in fields:
        if value is None or value == [] or value == "":
            continue
        if isinstance(value, list):
            parts.append("%s: [%s]" % (key, ", ".join(scalar(v) for v in value)))
        else:
            parts.append("%s: %s" % (key, scalar(value)))
    return "{" + ", ".join(parts) + "}"


# ---------------------------------------------------------------------------------------------
# Names


def slug(name):
    """Entity.slug for ASCII: lowercase letters and digits, other runs become one hyphen;
    an apostrophe joins."""
    out = []
    pending = False
    for ch in name:
        lower = ch.lower() if ch.isascii() else ch
        if lower.isascii() and lower.isalnum():
            if pending and out:
                out.append("-")
            pending = False
            out.append(lower)
        elif ch != "'":
            pending = True
    return "".join(out)


def hand_made(dictionary_dir):
    """Ids, entity names and lowercased surface forms of the hand-made dictionaries."""
    ids = {}
    forms = {}
    for name in ("states", "actors", "places"):
        sections = read_flow_dictionary("%s/%s.yaml" % (dictionary_dir, name))
        for section in ("states", "actors", "places", "provinces"):
            for entry in sections.get(section, []):
                if not isinstance(entry, dict):
                    continue
                eid = entry.get("id") or slug(entry["name"])
                ids[eid] = entry
                surface = [entry["name"]] + list(entry.get("aliases") or []) + list(entry.get("demonyms") or [])
                for base in entry.get("base") or []:
                    surface.append(base)
                for form in surface:
                    forms.setdefault(form.lower(), eid)
    return ids, forms
