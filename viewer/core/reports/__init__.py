"""Evidence reports: self-contained HTML documents of a pair or of quote sets (Qt-free).

The window and the ``report`` command build the same HTML here; a PDF is that HTML laid
out by Qt's own PDF writer (``viewer/reports_pdf.py``), outside the core.
"""
