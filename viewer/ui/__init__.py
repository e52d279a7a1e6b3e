"""The Qt layer: a thin window over :mod:`viewer.core`."""
