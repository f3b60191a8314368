"""Lexicons: the per-language word lists in rules/lexicon/ (and a newsroom's lexicon folders), validated and
compiled once.

    files.py     where the built-in files are; YAML read safely, and validated against a schema
    schema.py    what a lexicon file and the gazetteer may hold
    compiled.py  a Lexicon: lookup tables and patterns compiled from one language's lists; phrase matching
    folders.py   a language's lexicon: the built-in file with the newsroom's merged over it; the languages

A Lexicon is built once per language and set of lexicon folders, and shared by every article a Checker
reads, so no YAML is loaded and no pattern is compiled per article.
"""
from __future__ import annotations

from .compiled import Lexicon, PhraseMatcher, alternation, words_of
from .files import SAFE_LOADER, AliasBomb, UnreadableValue, load_yaml, rules_root, safe_yaml, validate
from .folders import GAZETTEER, LEXICON_FOLDER, builtin_lexicons, language_names, languages, load_lexicon, merge
from .schema import (
    Ages,
    Boilerplate,
    Breakdowns,
    Changes,
    Durations,
    FigureScope,
    Gazetteer,
    GazetteerEntry,
    LexiconFile,
    NumberFormat,
    Numbers,
    PlanScope,
    Sets,
    TimeUnit,
    TimeWords,
    TimexUnit,
    UnitSpec,
)

__all__ = ["GAZETTEER", "LEXICON_FOLDER", "SAFE_LOADER", "Ages", "AliasBomb", "Boilerplate", "Breakdowns", "Changes",
           "Durations", "FigureScope", "Gazetteer", "GazetteerEntry", "Lexicon", "LexiconFile", "NumberFormat",
           "Numbers", "PhraseMatcher", "PlanScope", "Sets", "TimeUnit", "TimeWords", "TimexUnit", "UnitSpec",
           "UnreadableValue", "alternation", "builtin_lexicons", "language_names", "languages", "load_lexicon",
           "load_yaml", "merge", "rules_root", "safe_yaml", "validate", "words_of"]
