"""Helpers for the MT tests: a random-weight Argos package built in-process, the domain glossary."""

from __future__ import annotations

import importlib.util
import io
import json
import random
import zipfile
from pathlib import Path

import numpy as np
import pytest

DATA = Path(__file__).resolve().parent / "data" / "mt"

WORDS = ("la traite des êtres humains est un crime grave contre les victimes police migrants "
         "trafficking in human beings is a serious crime against victims of smuggling the and "
         "ONUDC UNODC INTERPOL Frontex OIM IOM Tom Jana Nils Boris enfants children travail forcé "
         "forced labour de du le les pour with to for sont are exploitation sexual sexuelle snake_case").split()


def domain_glossary():
    """tests/data/mt/domain.py's glossary."""
    spec = importlib.util.spec_from_file_location("mt_domain", DATA / "domain.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.build()


def number_glossary():
    """A glossary for grammatical number: generic acronym, invariable noun, plural-only source
    term with a singular target, an organisation, a mass noun (all built in code)."""
    from termkit.glossary.model import Concept, Glossary, LangSec, Term

    def concept(cid, fr, en, pos="noun", **extra):
        return Concept(cid, {"fr": LangSec("fr", [Term(fr, part_of_speech=pos, **extra)]),
                             "en": LangSec("en", [Term(en, part_of_speech=pos)])})
    return Glossary([
        concept("ngo", "ONG", "NGO", gender="feminine"),
        concept("member-country", "pays membre", "member country", gender="masculine"),
        concept("victim-thb", "victime de traite", "victim of trafficking", gender="feminine"),
        concept("cps", "services de la protection de l’enfance", "child protection unit",
                number="plural", gender="masculine"),
        concept("unodc", "ONUDC", "UNODC", pos="properNoun", gender="masculine"),
        concept("thb", "traite des êtres humains", "trafficking in human beings",
                gender="feminine"),
    ])


def _sentencepiece(folder: Path) -> Path:
    import sentencepiece

    rng = random.Random(7)
    lines = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 14))) + " ."
             for _ in range(400)]
    corpus = folder / "corpus.txt"
    corpus.write_text("\n".join(lines), encoding="utf-8")
    sentencepiece.SentencePieceTrainer.train(
        input=str(corpus), model_prefix=str(folder / "sp"), vocab_size=90, hard_vocab_limit=False, model_type="unigram",
        user_defined_symbols=["<2en>", "<2fr>"], character_coverage=1.0, minloglevel=2)
    return folder / "sp.model"


def _model(folder: Path, vocab: list[str]) -> None:
    from ctranslate2.specs import transformer_spec

    d, ffn = 32, 64
    spec = transformer_spec.TransformerSpec.from_config(num_layers=(1, 1), num_heads=2)
    rng = np.random.default_rng(3)
    shapes = {"embeddings": (len(vocab), d), "projection": (len(vocab), d),
              "self_attention/linear_0": (3 * d, d), "attention/linear_0": (d, d),
              "attention/linear_1": (2 * d, d), "ffn/linear_0": (ffn, d),
              "ffn/linear_1": (d, ffn)}
    for name, value in spec.variables().items():
        if value is not None:
            continue
        if name.endswith(("gamma", "beta")):
            array = np.ones(d) if name.endswith("gamma") else np.zeros(d)
        else:
            key = next((k for k in shapes if k in name), None)
            array = rng.normal(0, 0.5, shapes[key] if key else (d, d))
        _set(spec, name, array.astype(np.float32))
    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(vocab)
    spec.config.add_source_eos = True
    spec.validate()
    spec.save(str(folder))


def _set(spec, name: str, value) -> None:
    parts = name.split("/")
    obj = spec
    for part in parts[:-1]:
        if hasattr(obj, part):
            obj = getattr(obj, part)
        else:                      # layer_0 → layer[0], linear_1 → linear[1], embeddings_0 ...
            head, index = part.rsplit("_", 1)
            obj = getattr(obj, head)[int(index)]
    setattr(obj, parts[-1], value)


def build_package(folder: Path, source: str = "fr", target: str = "en") -> Path:
    """A random-weight Argos package ``folder/tiny.argosmodel`` (a second or two to build)."""
    import sentencepiece

    work = folder / "build"
    (work / "model").mkdir(parents=True, exist_ok=True)
    sp_path = _sentencepiece(work)
    sp = sentencepiece.SentencePieceProcessor(model_file=str(sp_path))
    vocab = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    _model(work / "model", vocab)
    meta = {"package_version": "0.0", "type": "translate", "from_code": source,
            "to_code": target, "target_prefix": f"<2{target}>", "description": "random test"}
    out = folder / f"translate-{source}_{target}-random.argosmodel"
    buffer = io.BytesIO()
    root = out.stem
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(f"{root}/metadata.json", json.dumps(meta))
        archive.write(sp_path, f"{root}/sentencepiece.model")
        for path in sorted((work / "model").iterdir()):
            archive.write(path, f"{root}/model/{path.name}")
    out.write_bytes(buffer.getvalue())
    return out


_BUILT: dict[tuple[str, str], Path] = {}


@pytest.fixture(scope="session")
def package_path(tmp_path_factory) -> Path:
    """A random-weight fr→en Argos package, built once per test session."""
    if ("fr", "en") not in _BUILT:
        _BUILT[("fr", "en")] = build_package(tmp_path_factory.mktemp("mt"))
    return _BUILT[("fr", "en")]


@pytest.fixture
def models_home(tmp_path, monkeypatch) -> Path:
    """An empty models directory (TERMKIT_MODELS)."""
    monkeypatch.setenv("TERMKIT_MODELS", str(tmp_path / "models"))
    return tmp_path / "models"
