#!/usr/bin/env python3
"""Writes docs/configuration.md from the configuration metadata the build generates.

Usage (after ./mvnw -B -q package -DskipTests): python3 scripts/configuration-docs.py
"""
import glob
import json
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load():
    props = {}
    for path in glob.glob(os.path.join(ROOT, "*", "target", "classes", "META-INF", "spring-configuration-metadata.json")):
        with open(path) as f:
            for prop in json.load(f).get("properties", []):
                if prop["name"].startswith("adapter."):
                    props[prop["name"]] = prop
    return props


def cell(value):
    if value is None:
        return ""
    if isinstance(value, (list, dict, bool)):
        value = json.dumps(value)
    text = re.sub(r"\{@(?:code|link) ([^}]*)\}", r"`\1`", str(value))
    return text.replace("|", "\\|").replace("\n", " ")


def main():
    props = load()
    groups = {}
    for name in sorted(props):
        parts = name.split(".")
        prefix = ".".join(parts[:2]) if len(parts) > 2 else "adapter"
        groups.setdefault(prefix, []).append(props[name])
    out = ["# Configuration reference", "",
           "Every `adapter.*` property, generated from the configuration metadata that the build",
           "writes (`scripts/configuration-docs.py`). IDEs autocomplete the same metadata.", ""]
    for prefix in sorted(groups):
        out += ["## `" + prefix + (".*`" if prefix != "adapter" else "`"), "", "| property | type | default | description |", "|---|---|---|---|"]
        for prop in groups[prefix]:
            kind = prop.get("type", "").replace("java.lang.", "").replace("java.util.", "").replace("java.time.", "")
            out.append("| `{}` | {} | {} | {} |".format(prop["name"], cell(kind), cell(prop.get("defaultValue")),
                                                     cell(prop.get("description"))))
        out.append("")
    with open(os.path.join(ROOT, "docs", "configuration.md"), "w") as f:
        f.write("\n".join(out))
    print("docs/configuration.md: %d properties" % len(props))


if __name__ == "__main__":
    main()
