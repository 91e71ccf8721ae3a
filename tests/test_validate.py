"""Validation: TBX-Basic/TBX-Core RELAX NG (streamed per entry) and termkit's own checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from termkit.errors import TermkitError
from termkit.glossary import checks, formats, tbx, validate
from termkit.glossary.model import Concept, Glossary, LangSec, Term
from termkit.glossary.problems import Problem

DATA = Path(__file__).parent / "data" / "tbx"


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


@pytest.mark.parametrize("name", ["valid-basic.tbx", "astronomy-dca.tbx", "dct-basic.tbx"])
def test_valid_files_have_no_problems(name):
    assert validate.validate(DATA / name) == []


@pytest.mark.parametrize("name,line,needle", [
    ("broken-element.tbx", 21, "<comment> is not a TBX element"),
    ("broken-attribute.tbx", 21, '"register" is not a TBX-Basic data category for <termNote>'),
    ("broken-order.tbx", 19, "expected <term> but found <termNote>"),
    ("broken-value.tbx", 20, "the date '15/01/2026' must be written YYYY-MM-DD"),
])
def test_schema_violations_are_reported(name, line, needle):
    problems = validate.validate(DATA / name)
    assert len(problems) == 1, problems
    problem = problems[0]
    assert (problem.file, problem.line, problem.concept_id, problem.severity) == (
        str(DATA / name), line, "bad", "error")
    assert needle in problem.message
    assert str(problem).startswith(f"{DATA / name}:{line}: [bad] error: ")


def test_own_checks_on_a_schema_valid_file():
    problems = validate.validate(DATA / "broken-checks.tbx")
    by_message = {p.message: p for p in problems}
    assert all(p.line in (17, 34) for p in problems)
    assert by_message["the id 'ok' is used more than once"].concept_id == "ok"
    assert any("unknown status 'probablyTerm-admn-sts'" in m for m in by_message)
    assert any("'fr_FR' is not a valid language code" in m and "fr-FR" in m for m in by_message)
    assert "term 'passeur' (fr_FR) is deprecated but also preferred" in by_message
    assert by_message["term 'passeur' appears 2 times in 'fr_FR'"].severity == "warning"
    dangling = by_message["cross-reference to 'nowhere', which is not a concept in this file"]
    assert (dangling.line, dangling.concept_id) == (34, "dangling")


def test_header_problems_are_found(tmp_path):
    text = (DATA / "valid-basic.tbx").read_text("utf-8")
    path = tmp_path / "noheader.tbx"
    path.write_text(text.replace('style="dca" ', "").replace(
        "<sourceDesc><p>termkit test sample</p></sourceDesc>", ""), "utf-8")
    messages = [p.message for p in errors(validate.validate(path))]
    assert any("<tbx> root needs" in m for m in messages), messages
    problems = validate.validate(path)
    assert all(p.concept_id is None for p in problems)


def test_v2_files_get_own_checks_only():
    problems = validate.validate(DATA / "v2-variants.tbx")
    assert [p.severity for p in problems] == ["warning"]
    assert "only termkit's own checks" in problems[0].message


def test_tbx_core_rejects_basic_data_categories():
    problems = validate.validate(DATA / "valid-basic.tbx", dialect="TBX-Core")
    assert problems and all(p.severity == "error" for p in problems)
    assert "is not a TBX-Core data category" in problems[0].message
    assert validate.validate(DATA / "dct-basic.tbx", dialect="TBX-Core") == []


def test_unknown_dialect_warns_and_uses_basic(tmp_path):
    path = tmp_path / "dnb.tbx"
    path.write_text((DATA / "valid-basic.tbx").read_text("utf-8").replace(
        'type="TBX-Basic"', 'type="TBX-DNB"'), "utf-8")
    problems = validate.validate(path)
    assert [p.severity for p in problems] == ["warning"]
    assert "TBX-DNB" in problems[0].message


def test_line_numbers_in_a_larger_streamed_file(tmp_path):
    concepts = [Concept(id=f"c{i}", langs={"en": LangSec("en", terms=[Term(f"term {i}")])})
                for i in range(1500)]
    concepts[1200].langs["en"].terms[0].status = "weird"
    path = tmp_path / "big.tbx"
    tbx.write(Glossary(concepts=concepts, lang="en"), path)
    problems = validate.validate(path)
    assert len(problems) == 1 and problems[0].concept_id == "c1200"
    lines = path.read_text("utf-8").splitlines()
    assert lines[problems[0].line - 1].strip() == '<conceptEntry id="c1200">'


def glossary_with(**changes) -> Glossary:
    term = Term("migrant smuggling", status="preferred")
    concept = Concept(id="c1", langs={"en": LangSec("en", terms=[term])})
    for key, value in changes.items():
        setattr(term if hasattr(term, key) else concept, key, value)
    return Glossary(concepts=[concept], lang="en")


def test_check_of_a_clean_glossary_is_empty():
    assert checks.run(glossary_with()) == []


@pytest.mark.parametrize("changes,needle", [
    ({"text": " "}, "is empty"),
    ({"status": "preferredTerm"}, "unknown status"),
    ({"xrefs": ["c2"]}, "cross-reference to 'c2'"),
    ({"part_of_speech": "substantive"}, "part of speech 'substantive'"),
])
def test_each_check_finds_its_problem(changes, needle):
    problems = checks.run(glossary_with(**changes), "g.tbx")
    assert len(problems) == 1 and needle in problems[0].message
    assert (problems[0].file, problems[0].concept_id) == ("g.tbx", "c1")


def test_structure_checks():
    glossary = glossary_with()
    glossary.concepts.append(Concept(id="c2"))
    glossary.concepts[0].langs["fr"] = LangSec("fr")
    glossary.concepts[0].langs[""] = LangSec("", terms=[Term("x")])
    glossary.lang = "english!"
    messages = sorted(p.message for p in checks.run(glossary))
    assert messages == sorted([
        "the concept has no terms",
        "the language section 'fr' has no terms",
        "a language section has no language code (xml:lang)",
        "the file's language 'english!' is not a valid language code",
    ])


def test_preferred_in_one_concept_deprecated_in_another_is_a_warning():
    glossary = glossary_with()
    glossary.concepts.append(Concept(id="c2", langs={"en": LangSec("en", terms=[
        Term("Migrant smuggling", status="deprecated")])}))
    (problem,) = checks.run(glossary)
    assert problem.severity == "warning" and "preferred in concept 'c1'" in problem.message


@pytest.mark.parametrize("code,ok", [("fr", True), ("en-GB", True), ("zh-Hant-TW", True),
                                     ("es-419", True), ("x-private", True), ("fr_FR", False),
                                     ("f", False), ("english", False), ("en-", False)])
def test_language_codes(code, ok):
    glossary = Glossary([Concept("c", {code: LangSec(code, [Term("x")])})], lang=code)
    found = checks.run(glossary)
    assert (found == []) is ok
    assert all("not a valid language code" in p.message for p in found) and len(found) in (0, 2)


def test_validating_real_glossaries_never_crashes(tmp_path):
    """Schema checks ran on elements iterparse was still building and crashed libxml2 on
    some files (subsets of the shipped glossary): each runs in a child process here."""
    import subprocess
    import sys
    from pathlib import Path

    from termkit.glossary import tbx

    shipped = Path(__file__).resolve().parent.parent / "glossaries" / "trafficking.tbx"
    glossary = tbx.read(shipped)
    paths = [shipped]
    for size in (5, 20, 40, 80):
        part = tmp_path / f"part{size}.tbx"
        tbx.write(type(glossary)(concepts=glossary.concepts[:size], lang=glossary.lang), part)
        paths.append(part)
    code = ("import sys\nfrom termkit.glossary import validate\n"
            "for p in sys.argv[1:]:\n    validate.validate(p)\nprint('done')\n")
    proc = subprocess.run([sys.executable, "-c", code, *map(str, paths)],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr[-500:]
    assert proc.stdout.strip() == "done"


def test_bytes_are_validated_like_the_file():
    for name in ("broken-order.tbx", "broken-checks.tbx", "v2-variants.tbx"):
        path = DATA / name
        from_file = validate.validate(path)
        from_bytes = validate.validate_bytes(path.read_bytes(), "<stdin>")
        assert from_bytes and [(p.line, p.message) for p in from_bytes] == [
            (p.line, p.message) for p in from_file]
        assert {p.file for p in from_bytes} == {"<stdin>"}


@pytest.mark.parametrize("name", sorted(formats.FORMATS))
def test_every_registered_format_is_validated_file_and_bytes(tmp_path, name):
    """validate asks the format registry: a file of every format, told by its name or (bytes)
    by its content, gets its reader's problems and termkit's checks."""
    glossary = Glossary([Concept("c1", {"fr": LangSec("fr", [Term("a", "banned")])})])
    path = tmp_path / f"g.{name}"
    formats.save(glossary, path, to=name)
    from_file = validate.validate(path)
    assert [p.concept_id for p in from_file] == ["c1"]
    assert "banned" in from_file[0].message and from_file[0].line
    from_bytes = validate.validate_bytes(path.read_bytes(), "<stdin>")
    assert [(p.line, p.message) for p in from_bytes] == [(p.line, p.message) for p in from_file]
    assert set(validate.VALIDATORS) == set(formats.FORMATS)


def test_a_tsv_header_without_concept_id_is_read_with_tabs(tmp_path):
    path = tmp_path / "g.tsv"
    path.write_text("id\tlang\tterm\nc1\tfr\tx\n", encoding="utf-8")
    with pytest.raises(TermkitError, match="missing required column.s. concept_id;"):
        validate.validate(path)
    with pytest.raises(TermkitError, match="missing required column.s. concept_id, lang, term"):
        validate.validate_bytes(path.read_bytes(), "<stdin>")


def test_checks_share_one_signature_and_run_in_order():
    glossary = glossary_with(text=" ")
    glossary.concepts.append(Concept(id="c2"))
    where = checks.Where(glossary, "g.tbx", [10, 20])
    assert [p.line for p in checks.empty_terms(glossary, where)] == [10]
    assert [p.line for p in checks.concept_without_terms(glossary, where)] == [20]
    found = checks.run(glossary, "g.tbx", [10, 20])
    assert [(p.file, p.line, p.concept_id) for p in found] == [("g.tbx", 20, "c2"),
                                                               ("g.tbx", 10, "c1")]

    def no_c2(glossary, where):
        for concept in glossary.concepts:
            if concept.id == "c2":
                yield where.problem(concept, "c2 is banned", "warning")

    assert [p.message for p in checks.run(glossary, checks=[no_c2])] == ["c2 is banned"]


def test_problem_text_forms():
    problem = Problem("g.csv", 4, "c1", "rows are not consecutive", "warning")
    assert problem.text() == "g.csv:4: concept c1: warning: rows are not consecutive"
    assert str(problem) == "g.csv:4: [c1] warning: rows are not consecutive"
    whole = Problem("g.tbx", None, None, "the <tbx> root needs xml:lang")
    assert whole.text() == "g.tbx: the <tbx> root needs xml:lang"
    from termkit.glossary import problems

    assert problems.report("g.tbx", [problem, whole]) == {
        "file": "g.tbx", "valid": False, "errors": 1, "warnings": 1,
        "problems": [{"file": "g.csv", "line": 4, "concept_id": "c1",
                      "message": "rows are not consecutive", "severity": "warning"},
                     {"file": "g.tbx", "line": None, "concept_id": None,
                      "message": "the <tbx> root needs xml:lang", "severity": "error"}]}

