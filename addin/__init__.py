"""Inside Excel: xlwings UDFs and macros, thin wrappers over ``skp`` and ``generator``."""
