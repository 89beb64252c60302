"""Median and 90th percentile: linear interpolation between the closest ranks."""

import subprocess
import sys

import pytest

from corrigenda.desk.percentiles import median, percentile


def test_on_eleven_values_the_percentiles_are_values_of_the_data() -> None:
    hours = [7, 1, 3, 11, 5, 2, 9, 4, 10, 6, 8]  # unsorted on purpose
    assert median(hours) == 6
    assert percentile(hours, 90) == 10
    assert percentile(hours, 0) == 1
    assert percentile(hours, 100) == 11


def test_between_two_ranks_it_interpolates() -> None:
    assert median([1, 2, 3, 4]) == 2.5
    assert percentile(range(1, 11), 90) == pytest.approx(9.1)
    assert percentile([10, 20], 25) == 12.5


def test_one_value_is_every_percentile_and_none_is_none() -> None:
    assert percentile([3.5], 90) == 3.5
    assert median([]) is None


def test_a_percentile_outside_0_to_100_is_refused() -> None:
    with pytest.raises(ValueError, match="outside"):
        percentile([1, 2], 101)


def test_it_runs_without_django() -> None:
    code = "import sys, corrigenda.desk.percentiles; sys.exit('django' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
