"""The dashboard chart's geometry: bars scale to a round axis that holds the target."""

import subprocess
import sys
from datetime import date

from corrigenda.desk.dashboard_chart import bar_chart, nice_ceiling


def test_the_axis_top_is_round_and_covers_the_value() -> None:
    assert nice_ceiling(37) == (40, 10)
    assert nice_ceiling(72) == (80, 20)
    assert nice_ceiling(7.2) == (8, 2)
    assert nice_ceiling(0) == (1.0, 0.25)


def test_bars_are_proportional_and_the_target_line_fits() -> None:
    chart = bar_chart([(date(2026, 4, 1), 10.0, 40.0), (date(2026, 5, 1), None, None)], target=24)
    april, may = chart.slots
    median_bar, p90_bar = april.bars
    assert (median_bar.kind, p90_bar.kind) == ("median", "p90")
    assert p90_bar.height == 4 * median_bar.height
    assert median_bar.y + median_bar.height == chart.baseline
    assert may.bars == ()  # nothing measured: no bar, not a zero bar
    assert chart.ticks[0].value == 0
    assert chart.ticks[-1].value == 40
    assert chart.ticks[-1].y < chart.target_y < chart.baseline
    assert april.label_x < may.label_x


def test_a_target_above_every_bar_raises_the_axis() -> None:
    chart = bar_chart([(date(2026, 4, 1), 2.0, 5.0)], target=72)
    assert chart.ticks[-1].value == 80


def test_it_runs_without_django() -> None:
    code = "import sys, corrigenda.desk.dashboard_chart; sys.exit('django' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
