"""The checked-schema cache (socinv_docs/schema_cache.py): used when the files are the same,
never when they changed, never from a folder someone else may write to, and never the
reason a run fails."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from socinv_docs import schema_cache
from socinv_docs.loading import read_schemas, schemas_dir

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("SOCINV_CACHE_DIR", str(folder))
    monkeypatch.delenv("SOCINV_NO_CACHE", raising=False)
    return folder


@pytest.fixture
def schemas_copy(tmp_path) -> Path:
    root = tmp_path / "schemas"
    shutil.copytree(schemas_dir(), root)
    return root


def _refuse(root: Path):
    raise AssertionError("the schema files were read again although they had not changed")


def test_second_load_comes_from_the_cache(cache, schemas_copy):
    first = schema_cache.cached(schemas_copy, read_schemas)
    assert len(list(cache.glob("schemas-*.pickle"))) == 1
    assert oct(cache.stat().st_mode & 0o777) == "0o700"
    again = schema_cache.cached(schemas_copy, _refuse)
    assert again == first
    assert again is not first


def test_an_edited_schema_file_is_read_afresh(cache, schemas_copy):
    schema_cache.cached(schemas_copy, read_schemas)
    kind_file = schemas_copy / "kinds" / "ideprovning.yaml"
    text = kind_file.read_text(encoding="utf-8")
    title = read_schemas(schemas_copy).kinds["ideprovning"].title
    kind_file.write_text(text.replace(f'title: "{title}"', 'title: "Idéprövning, ny version"', 1), encoding="utf-8")

    loaded = schema_cache.cached(schemas_copy, read_schemas)
    assert loaded.kinds["ideprovning"].title == "Idéprövning, ny version"
    # One set per schemas folder is kept: the old one is gone.
    assert len(list(cache.glob("schemas-*.pickle"))) == 1


def test_a_new_funder_file_is_seen(cache, schemas_copy):
    schema_cache.cached(schemas_copy, read_schemas)
    profile = schemas_copy / "profiles" / "molndal-2018.yaml"
    copy = profile.read_text(encoding="utf-8").replace("molndal-2018", "kungsbacka-2026", 1)
    (schemas_copy / "profiles" / "kungsbacka-2026.yaml").write_text(copy, encoding="utf-8")
    assert "kungsbacka-2026" in schema_cache.cached(schemas_copy, read_schemas).profiles


def test_a_removed_report_form_is_seen(cache, schemas_copy):
    """The profiles' report forms are part of the key: a form deleted after the set was
    cached is refused as if there were no cache (the profile names a file that is gone)."""
    from socinv_docs.loading import SchemaError

    schema_cache.cached(schemas_copy, read_schemas)
    (schemas_copy / "forms" / "orebro-2020" / "slutrapport.docx").unlink()
    with pytest.raises(SchemaError, match="forms.slutrapport"):
        schema_cache.cached(schemas_copy, read_schemas)


def test_a_corrupt_cache_file_is_read_past(cache, schemas_copy):
    schema_cache.cached(schemas_copy, read_schemas)
    (stored,) = cache.glob("schemas-*.pickle")
    stored.write_bytes(b"\x80\x05not a pickle at all")
    loaded = schema_cache.cached(schemas_copy, read_schemas)
    assert "ideprovning" in loaded.kinds
    assert pickle.loads(stored.read_bytes()) == loaded  # and it was written anew


@pytest.mark.parametrize("loose", ["folder", "file"])
def test_a_pickle_others_may_write_is_never_loaded(cache, schemas_copy, loose):
    schema_cache.cached(schemas_copy, read_schemas)
    (stored,) = cache.glob("schemas-*.pickle")
    # What someone else could have put there (a pickle runs code when loaded).
    stored.write_bytes(pickle.dumps("planted"))
    os.chmod(cache if loose == "folder" else stored, 0o777 if loose == "folder" else 0o666)
    loaded = schema_cache.cached(schemas_copy, read_schemas)
    assert loaded != "planted"
    assert "ideprovning" in loaded.kinds


def test_an_unwritable_cache_does_not_fail_a_run(tmp_path, monkeypatch, schemas_copy):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("SOCINV_CACHE_DIR", str(blocker / "cache"))
    assert "ansokan" in schema_cache.cached(schemas_copy, read_schemas).kinds


def test_no_cache_when_turned_off(cache, schemas_copy, monkeypatch):
    monkeypatch.setenv("SOCINV_NO_CACHE", "1")
    schema_cache.cached(schemas_copy, read_schemas)
    assert not cache.exists()


def test_a_schema_error_is_not_cached(cache, schemas_copy):
    from socinv_docs.loading import SchemaError

    (schemas_copy / "common.yaml").write_text("placeholders: 12\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(SchemaError, match="common.yaml"):
            schema_cache.cached(schemas_copy, read_schemas)
    assert not list(cache.glob("schemas-*.pickle"))


def test_a_cached_check_does_not_import_pydantic(cache):
    """What makes `check` start fast (issue 11): with the checked schemas cached, a run
    builds no pydantic model at all. The first run checks the YAML with pydantic."""
    sample = ROOT / "samples" / "ideprovning-luckor.docx"
    probe = ("import sys\nfrom socinv_docs.cli import main\n"
             "try:\n    main(['check', sys.argv[1]])\nexcept SystemExit:\n    pass\n"
             "print('PYDANTIC' if 'pydantic' in sys.modules else 'NO-PYDANTIC', file=sys.stderr)\n")
    env = {**os.environ, "SOCINV_CACHE_DIR": str(cache)}
    runs = [subprocess.run([sys.executable, "-c", probe, str(sample)], env=env, capture_output=True,
                           text=True, timeout=120) for _ in range(2)]
    assert runs[0].stderr.strip().endswith("PYDANTIC") and "NO-PYDANTIC" not in runs[0].stderr
    assert runs[1].stderr.strip().endswith("NO-PYDANTIC"), runs[1].stderr
    assert runs[0].stdout == runs[1].stdout  # the same report either way


def test_the_key_is_the_code_the_registry_names(tmp_path, monkeypatch, schemas_copy):
    """The key hashes the code a checked set is made by: the format, the loader and every
    rule the registry declares (their Options are pickled with the set), named by the
    registry rather than found by a glob. A changed rule module is another key."""
    import inspect

    from socinv_docs import loading
    from socinv_docs.rules.registry import RULES

    code = loading.checking_code()
    package = Path(loading.__file__).resolve().parent.parent
    assert {Path(inspect.getfile(r.check)).resolve() for r in RULES.values()} <= set(code)
    assert {package / "schema.py", package / "rules" / "registry.py"} <= set(code)
    assert {p.name for p in code if p.parent.name == "loading"} >= {"__init__.py", "errors.py", "checks.py"}
    assert all(p.is_relative_to(package) for p in code)
    # A copy of the package's code, so that one rule module can be edited.
    copied = tmp_path / "package"
    for path in code:
        target = copied / path.relative_to(package)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    monkeypatch.setattr(schema_cache, "PACKAGE", copied)
    mine = [copied / p.relative_to(package) for p in code]
    before = schema_cache.key(schemas_copy, mine)
    duration = copied / "rules" / "duration.py"
    duration.write_text(duration.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert schema_cache.key(schemas_copy, mine) != before
