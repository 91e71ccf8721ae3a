"""Structure of the mt package: no dead helpers or no-op code left behind (review finding 12)."""

from __future__ import annotations

import ast
import inspect

from termkit.mt import check, constrain, models, package


def test_check_has_no_wrappers_of_one_call():
    assert not hasattr(check, "target_term") and not hasattr(check, "matcher_tgt_lang")


def test_members_takes_the_filter_it_is_always_given():
    assert inspect.signature(package._members).parameters["wanted"].default is inspect._empty


def test_download_has_no_idle_temporary_directory():
    assert "TemporaryDirectory" not in inspect.getsource(models.download)


def test_module_imports_come_before_other_statements():
    for module in (check, constrain, models, package):
        body = ast.parse(inspect.getsource(module)).body
        kinds = [isinstance(node, (ast.Import, ast.ImportFrom)) for node in body]
        last_import = max(i for i, is_import in enumerate(kinds) if is_import)
        first_other = next(i for i, node in enumerate(body)
                           if not kinds[i] and not (isinstance(node, ast.Expr) and i == 0))
        assert last_import < first_other, module.__name__
