#!/usr/bin/env python3
"""Puts Tanjungpinang's kecamatan and kelurahan (this folder, MIT licence of wilayah_boundaries: see
LICENSE-wilayah_boundaries.txt) into the built-in sample as its `regions`, and gives the sample's
illustrative programs (those whose details the news report does not give) illustrative locations. The
programs the report names keep only what it says: no locations, city-wide. Run from the project's root;
it rewrites src/sample/tanjungpinang-2020-tahap-1.masterplan.json in place and is idempotent."""
import json

SAMPLE = "src/sample/tanjungpinang-2020-tahap-1.masterplan.json"
HERE = "assets/geo/"

def features(name):
    collection = json.load(open(HERE + name))
    out = []
    for f in collection["features"]:
        props = f["properties"]
        out.append({"type": "Feature",
                    "properties": {"code": props["kode"], "name": props["nama"]},
                    "geometry": f["geometry"]})
    return collection["source"], out

source, kecamatan = features("tanjungpinang-kecamatan.geojson")
_, kelurahan = features("tanjungpinang-kelurahan.geojson")
regions = {"type": "FeatureCollection", "features": kecamatan + kelurahan, "source": source}

data = json.load(open(SAMPLE))
data.pop("regions", None)
kel_codes = [f["properties"]["code"] for f in kelurahan]
kec_codes = [f["properties"]["code"] for f in kecamatan]
seed = 20201127
def draw(n):
    global seed
    seed = (seed * 1103515245 + 12345) % (2 ** 31)
    return seed % n
for p in data["programs"]:
    p.pop("locations", None)
    if "rincian tidak dipublikasikan" not in p["name"]:
        continue
    roll = draw(20)
    if roll < 8:
        continue  # city-wide
    if roll < 16:
        p["locations"] = [kel_codes[draw(len(kel_codes))]]
    elif roll < 18:
        a, b = draw(len(kel_codes)), draw(len(kel_codes))
        p["locations"] = sorted({kel_codes[a], kel_codes[b]})
    else:
        p["locations"] = [kec_codes[draw(len(kec_codes))]]
    # Keep the format's field order: locations before notes.
    if "notes" in p:
        p["notes"] = p.pop("notes")
data["regions"] = regions

# Indented like the rest of the file, each ring of coordinates on one line.
rings = []
def mark(geometry):
    rings.append(json.dumps(geometry["coordinates"], separators=(",", ":")))
    geometry["coordinates"] = "@@%d@@" % (len(rings) - 1)
for f in regions["features"]:
    mark(f["geometry"])
text = json.dumps(data, ensure_ascii=False, indent=2)
for i, coords in enumerate(rings):
    text = text.replace('"@@%d@@"' % i, coords)
open(SAMPLE, "w").write(text + "\n")
