"""A tiny gold set in PolNeAR's layout (text/*.txt beside attributions/*_<annotator>.ann),
written for these tests. It is written to a temporary folder at test time, so the repository
tracks no .ann file (those are kept for evaluation data, which never enters it)."""

from __future__ import annotations

from pathlib import Path

FILES = {
    "attributions/article_one_aa01.ann": 'T1\tSource 27 36\tThe mayor\nT2\tCue 37 41\tsaid\nT3\tContent 42 76\tthat the bridge will reopen in May\nT4\tAttribution 37 41\tsaid\nT5\tSource 112 139\tAna Ruiz, the city engineer\nT6\tCue 107 111\tsaid\nT7\tContent 79 106;141 164\t"We are ahead of schedule," "The deck is finished."\nT8\tAttribution 107 111\tsaid\nT9\tSource 211 235\tthe transport department\nT10\tCue 198 210\taccording to\nT11\tContent 166 196\tRepairs cost more than planned\nT12\tAttribution 198 210\taccording to\nT13\tCue 253 264\tare said to\nT14\tContent 265 283\tdoubt the schedule\nT15\tAttribution-no-source 253 264\tare said to\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\nE2\tAttribution:T8 Content:T7 Cue:T6 Source:T5\nE3\tAttribution:T12 Content:T11 Cue:T10 Source:T9\nE4\tAttribution-no-source:T15 Cue:T13 Content:T14\n#1\tAnnotatorNotes T1\ta note the reader ignores\n',
    "attributions/article_one_zz99.ann": "T1\tSource 0 6\tBridge\n",
    "attributions/article_two_aa01.ann": "",
    "text/article_one.txt": 'Bridge Will Reopen in May\n\nThe mayor said that the bridge will reopen in May.\n\n"We are ahead of schedule," said Ana Ruiz, the city engineer. "The deck is finished."\n\nRepairs cost more than planned, according to the transport department.\n\nSome residents are said to doubt the schedule.\n',
    "text/article_two.txt": "Nobody was quoted in this short note about the weather.\n",
}


def write_brat(folder: Path) -> Path:
    for name, content in FILES.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    return folder
