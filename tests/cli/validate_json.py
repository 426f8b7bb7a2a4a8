"""Validates lcngeom --json outputs against docs/lcngeom.schema.json.

usage: validate_json.py SCHEMA DEF FILE [DEF FILE ...]
Each FILE holds the stdout of one invocation; it must be exactly one JSON
object on one line and validate against both $defs/DEF and the whole schema.
The schema's annotation keywords are checked here too: "descending" /
"ascending" (the parts of a partition, rrmp multiplicities) and "enclosure"
(a certified real has lo <= hi and its decimal within a unit of its last
digit of [lo, hi]).
"""
import json
import sys
from fractions import Fraction

import jsonschema


def ordered(key, bad):
    def check(validator, value, instance, schema):
        if value and isinstance(instance, list) and any(bad(a, b) for a, b in zip(instance, instance[1:])):
            yield jsonschema.ValidationError(f"{instance} is not in {key} order")
    return check


def enclosure(validator, value, instance, schema):
    """lo <= hi exactly, and the decimal within one unit of its last digit of [lo, hi]."""
    if not value or not isinstance(instance, dict) or not {"decimal", "lo", "hi"} <= instance.keys():
        return
    try:
        lo, hi, d = Fraction(instance["lo"]), Fraction(instance["hi"]), Fraction(instance["decimal"])
    except (ValueError, ZeroDivisionError):
        return  # the patterns report malformed numbers
    mantissa, _, exponent = instance["decimal"].lower().partition("e")
    places = len(mantissa.partition(".")[2]) - (int(exponent) if exponent else 0)
    unit = Fraction(1, 10**places) if places >= 0 else Fraction(10**-places)
    if lo > hi:
        yield jsonschema.ValidationError(f"lo > hi in {instance}")
    elif not lo - unit <= d <= hi + unit:
        yield jsonschema.ValidationError(f"the decimal is not within one unit of [lo, hi] in {instance}")


Validator = jsonschema.validators.extend(
    jsonschema.Draft202012Validator,
    {"descending": ordered("descending", lambda a, b: a < b), "ascending": ordered("ascending", lambda a, b: a > b),
     "enclosure": enclosure})


def main():
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    Validator.check_schema(schema)
    whole = Validator(schema)
    failures = 0
    args = sys.argv[2:]
    for name, path in zip(args[0::2], args[1::2]):
        text = open(path, encoding="utf-8").read()
        lines = text.splitlines()
        if len(lines) != 1:
            print(f"FAIL {path}: {len(lines)} lines on stdout, want one JSON object on one line")
            failures += 1
            continue
        instance = json.loads(lines[0])
        if name not in schema["$defs"]:
            print(f"FAIL {path}: the schema has no $defs/{name}")
            failures += 1
            continue
        one = Validator({"$ref": f"#/$defs/{name}", "$defs": schema["$defs"]})
        errors = sorted(one.iter_errors(instance), key=lambda e: list(e.absolute_path))
        if not errors and not whole.is_valid(instance):
            errors = list(whole.iter_errors(instance))
        for e in errors[:5]:
            where = "/".join(str(p) for p in e.absolute_path)
            print(f"FAIL {path} ($defs/{name}) at /{where}: {e.message[:300]}")
        failures += bool(errors)
    print(f"{len(args) // 2} outputs checked, {failures} invalid")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
