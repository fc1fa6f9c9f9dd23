"""rekap"""
