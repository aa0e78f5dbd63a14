"""Build the alliance map's country outlines from Natural Earth (via the npm package
`world-atlas`, TopoJSON of Natural Earth's 1:110m countries, public domain).

    npm install --no-save world-atlas@2.0.2   # or: npm pack world-atlas@2.0.2 and untar
    .venv/bin/python devtools/build_world_map.py [path/to/countries-110m.json]

Writes course/lessons/data/world-110m.json: for each country its Natural Earth name and an
SVG path in the Natural Earth projection (fitted to 960 x 500), so the site renders the
map server-side without downloading anything at run time. Re-run after upgrading
world-atlas; the output is deterministic.
"""

import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "node_modules" / "world-atlas" / "countries-110m.json"
TARGET = ROOT / "course" / "lessons" / "data" / "world-110m.json"
WIDTH, HEIGHT = 960, 500
SKIPPED = {"Antarctica", "Fr. S. Antarctic Lands"}  # no alliance there; saves a third of the height


def natural_earth(longitude, latitude):
    """The Natural Earth projection (Šavrič et al. 2011), in radians out."""
    lam, phi = math.radians(longitude), math.radians(latitude)
    phi2 = phi * phi
    phi4 = phi2 * phi2
    x = lam * (0.8707 - 0.131979 * phi2 + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4)))
    y = phi * (1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4)))
    return x, y


def decode_arcs(topology):
    scale_x, scale_y = topology["transform"]["scale"]
    shift_x, shift_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def ring_points(ring, arcs):
    points = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def split_at_antimeridian(points):
    """Rings that cross 180° longitude (Russia's far east, Fiji) as pieces on either side,
    so no piece is drawn as a stripe across the whole map."""
    pieces = [[]]
    for point in points:
        if pieces[-1] and abs(point[0] - pieces[-1][-1][0]) > 180:
            pieces.append([])
        pieces[-1].append(point)
    return pieces


def build(source):
    topology = json.loads(Path(source).read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    # Fit longitude -180..180 and latitude -58..84 (Antarctica left out) to the view box.
    left, _ = natural_earth(-180, 0)
    right, _ = natural_earth(180, 0)
    _, top = natural_earth(0, 84)
    _, bottom = natural_earth(0, -58)
    scale = min(WIDTH / (right - left), HEIGHT / (top - bottom))

    def to_svg(longitude, latitude):
        x, y = natural_earth(longitude, latitude)
        return round((x - left) * scale, 1), round((top - y) * scale, 1)

    countries = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry["properties"]["name"]
        if name in SKIPPED or geometry["type"] not in ("Polygon", "MultiPolygon"):
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        parts = []
        for polygon in polygons:
            for ring in polygon:
                for piece in split_at_antimeridian(ring_points(ring, arcs)):
                    svg_points = [to_svg(*point) for point in piece]
                    deduplicated = [p for i, p in enumerate(svg_points) if i == 0 or p != svg_points[i - 1]]
                    if len(deduplicated) < 3:
                        continue
                    parts.append("M" + "L".join(f"{x:g},{y:g}" for x, y in deduplicated) + "Z")
        countries[name] = {"id": geometry.get("id", ""), "d": "".join(parts)}
    return {
        "source": "Natural Earth 1:110m countries via world-atlas (TopoJSON), public domain",
        "viewBox": f"0 0 {round((right - left) * scale)} {round((top - bottom) * scale)}",
        "countries": dict(sorted(countries.items())),
    }


def main(argv):
    source = argv[1] if len(argv) > 1 else SOURCE
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(json.dumps(build(source), ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main(sys.argv)
