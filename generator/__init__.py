"""Files: build skpkit workbooks, read filled ones back, and the ``skp`` command."""
