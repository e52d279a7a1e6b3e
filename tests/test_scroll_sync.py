"""Linked scrolling geometry: interpolation inside and between passages, no ping-pong."""

from viewer.ui.pair.scroll_sync import ScrollSync, SyncSpan


def test_inside_a_passage_is_proportional():
    sync = ScrollSync([SyncSpan(100, 200, 500, 700)], 1000, 1000)
    assert sync.map(100) == 500
    assert sync.map(150) == 600
    assert sync.map(200) == 700


def test_between_passages_the_offset_is_interpolated():
    sync = ScrollSync([SyncSpan(100, 200, 300, 400), SyncSpan(400, 500, 400, 500)], 1000, 1000)
    # Offset +200 after the first passage, 0 at the second: halfway, +100.
    assert sync.map(300) == 400


def test_reordered_passages_map_monotonically_while_scrolling_down_within_each():
    spans = [SyncSpan(0, 100, 600, 700), SyncSpan(200, 300, 100, 200), SyncSpan(400, 500, 800, 900)]
    sync = ScrollSync(spans, 1000, 1000)
    for span in spans:
        inside = [sync.map(span.src_top + k) for k in range(0, 101, 10)]
        assert inside == sorted(inside)


def test_no_passages_keeps_position_and_clamps():
    sync = ScrollSync([], 1000, 500)
    assert sync.map(0) == 0
    assert sync.map(2000) == 500


def test_mapping_back_returns_to_the_start_inside_passages():
    spans = [SyncSpan(100, 300, 600, 700), SyncSpan(500, 600, 50, 250)]
    forward = ScrollSync(spans, 1000, 1000)
    backward = ScrollSync([SyncSpan(s.dst_top, s.dst_bottom, s.src_top, s.src_bottom) for s in spans], 1000, 1000)
    for y in (120, 200, 290, 520, 580):
        assert abs(backward.map(forward.map(y)) - y) < 1e-6
