"""The corpus overview's widgets."""
