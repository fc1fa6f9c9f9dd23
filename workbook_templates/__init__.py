"""The workbook layout as data, read by both the writer and the reader."""
