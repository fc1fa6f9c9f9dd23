"""The ``skp`` command.

Every text a user reads is in Bahasa Indonesia and marked for the catalogs (:mod:`skpkit.i18n`). Help texts are
translated when this module is imported, so the entry point (:mod:`skpkit.generator.commands.entry`) sets the
language from ``--lang`` / ``SKP_LANG`` before it imports the commands. A usage error, like any bad input, is
one line and exit code 1.
"""

from __future__ import annotations

import os
import sys
from importlib.metadata import EntryPoint, entry_points
from pathlib import Path

import click

from skpkit import __version__
from skpkit.kertas import KERTAS
from skpkit.model import JenisJabatan, JenisPeriode, Pegawai
from skpkit.generator.errors import USER_FAULTS, as_masalah
from skpkit.generator.commands.paths import inputs, left_out_lines
from skpkit.generator.errors import UserError
from skpkit.i18n import LANGUAGES, _, language, use

PERIODE = click.Choice([j.value for j in JenisPeriode])


def _default_year() -> int:
    from skpkit.generator.commands.generate import default_year

    return default_year()


class _Command(click.Command):
    """A verb whose usage line reads in the user's language."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("options_metavar", _("[OPSI]"))
        super().__init__(*args, **kwargs)


class _Group(click.Group):
    """Bad input the user can fix, and a usage error, become one line and exit code 1, never a traceback;
    Ctrl+C is one line too.

    Verbs of other parts of skpkit (``skp addin``) are found through the ``skpkit.commands`` entry
    points, so that ``generator`` never imports them.
    """

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):  # type: ignore[override]
        use(language())  # click's own messages follow the language too
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.UsageError as e:
            message = e.format_message()
            line = (_("Galat: {message} (lihat {command} --help)").format(message=message, command=e.ctx.command_path)
                    if e.ctx is not None else _("Galat: {message}").format(message=message))
            click.echo(line, err=True)
            sys.exit(1)
        except click.ClickException as e:
            e.show()
            sys.exit(1)
        except (click.Abort, KeyboardInterrupt):
            click.echo(_("Dihentikan (Ctrl+C): berkas yang sedang ditulis tidak jadi; berkas lain utuh."), err=True)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)

    def __init__(self, *args, plugins: str | None = "skpkit.commands", **kwargs) -> None:
        kwargs.setdefault("options_metavar", _("[OPSI]"))
        kwargs.setdefault("subcommand_metavar", _("PERINTAH [ARG]..."))
        super().__init__(*args, **kwargs)
        #: the entry point group whose verbs this group offers (only ``skp`` itself has them)
        self.plugins = plugins

    def _plugins(self) -> dict[str, EntryPoint]:
        return {ep.name: ep for ep in entry_points(group=self.plugins)} if self.plugins else {}

    command_class = _Command
    group_class = type  # subgroups (skp template) are of this class too

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self._plugins()})

    def get_command(self, ctx: click.Context, name: str):
        command = super().get_command(ctx, name)
        if command is None and name in self._plugins():
            command = self._plugins()[name].load()
        return command

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except USER_FAULTS as e:
            if ctx.params.get("debug") or os.environ.get("SKP_DEBUG"):
                raise
            raise click.ClickException(str(as_masalah(e))) from None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]}, help=_(
    """skpkit: buku kerja SKP (PermenPANRB 6/2022) untuk satu unit, tanpa internet.

    Buat buku kerja per unit dengan RHK atasan sudah diturunkan, biarkan pegawai mengisinya di program
    lembar kerja apa pun, lalu gabungkan menjadi satu rekap."""))
@click.version_option(__version__, prog_name="skpkit", message=_("%(prog)s, versi %(version)s"),
                      help=_("Tampilkan versi lalu keluar."))
@click.option("--debug", is_flag=True, help=_("Tampilkan traceback Python bila terjadi galat (bawaan: satu baris)."))
@click.option("--lang", type=click.Choice(LANGUAGES), default=None,
              help=_("Bahasa pesan: id (Bahasa Indonesia, bawaan) atau en (English); juga lewat SKP_LANG."))
def main(debug: bool, lang: str | None) -> None:
    """The group; ``--lang`` was applied by the entry point before the help texts were made."""
    if lang is not None:
        use(lang)


@main.command(help=_("Tulis contoh organisasi: buku kerja atasan, roster, buku kerja unit kosong dan terisi."))
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path), default=Path("demo"),
              show_default=True, help=_("Folder tujuan demo."))
@click.option("--periode", type=PERIODE, default="triwulanan", show_default=True, help=_("Jenis periode penilaian."))
@click.option("--tahun", type=click.IntRange(2000, 2100), default=None, help=_("Tahun SKP (bawaan: tahun depan mulai Oktober, selain itu tahun ini)."))
@click.option("--jobs", type=int, default=1, show_default=True, help=_("Jumlah proses yang menulis buku kerja."))
def demo(out: Path, periode: str, tahun: int | None, jobs: int) -> None:
    """Write the sample organisation."""
    from skpkit.generator.commands.demo import run_demo

    result = run_demo(out, tahun=tahun or _default_year(), jenis_periode=JenisPeriode.parse(periode), jobs=jobs)
    click.echo(_("buku kerja atasan (Sekretaris Daerah): {path}").format(path=result.atasan))
    click.echo(_("roster: {path}").format(path=result.roster))
    click.echo(_("{n} buku kerja seperti diterbitkan: {path} (+ manifest.json)").format(
        n=len(result.kosong), path=out / "kosong"))
    click.echo(_("{n} buku kerja terisi untuk 2 periode: {path} (+ manifest.json)").format(
        n=len(result.terisi), path=out / "terisi"))
    first = next((p for p in result.terisi if "aplikasi" in p.name), result.terisi[0])
    click.echo(_("buka lebih dulu: {path} (sheet 'Petunjuk', lalu sheet 'SKP ...')").format(path=first))


@main.command(help=_("Terbitkan satu buku kerja per unit (atau per pegawai) dengan RHK atasan sudah diturunkan, dan manifest.json."))
@click.option("--roster", "roster_path", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help=_("Roster (.xlsx atau .csv): NIP, nama, jabatan, jenis jabatan, jenjang, pangkat, unit, NIP atasan."))
@click.option("--atasan", "atasan_path", type=click.Path(dir_okay=False, path_type=Path),
              help=_("Buku kerja atasan (dibuat skpkit, atau dari 'skp template atasan')."))
@click.option("--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help=_("Folder untuk buku kerja dan manifest.json."))
@click.option("--split", type=click.Choice(["unit", "pegawai"]), default="unit", show_default=True,
              help=_("Satu buku kerja per unit atau per pegawai."))
@click.option("--periode", type=PERIODE, default="triwulanan", show_default=True, help=_("Jenis periode penilaian."))
@click.option("--tahun", type=click.IntRange(2000, 2100), default=None,
              help=_("Tahun SKP (bawaan: tahun buku kerja atasan; tanpa itu, tahun depan mulai Oktober)."))
@click.option("--engine", type=click.Choice(["native", "xlwings"]), default="native", show_default=True,
              help=_("Mesin rumus: rumus Excel biasa (native), atau fungsi Python add-in (.xlsm, xlwings)."))
@click.option("--password", default=None, help=_("Kata sandi proteksi sheet (bawaan: tanpa)."))
@click.option("--instansi", default="", help=_("Nama instansi (bawaan: dari buku kerja atasan)."))
@click.option("--jobs", type=int, default=1, show_default=True, help=_("Jumlah proses yang menulis buku kerja."))
@click.option("--key", "key_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help=_("Berkas kunci HMAC untuk sidik jari manifest (atau SKP_KEY)."))
@click.option("--quiet", is_flag=True, help=_("Tanpa bilah kemajuan."))
def generate(roster_path: Path, atasan_path: Path | None, out: Path, split: str, periode: str, tahun: int | None,
             engine: str, password: str | None, instansi: str, jobs: int, key_path: Path | None,
             quiet: bool) -> None:
    """Issue the workbooks of a roster."""
    from skpkit.generator.commands.generate import GenerateOptions, generate as run, load_roster
    from skpkit.generator.read.manifest import load_key

    roster = load_roster(roster_path, atasan_path)
    year = tahun or (roster.atasan.tahun if roster.atasan else _default_year())
    opts = GenerateOptions(split=split, jenis_periode=JenisPeriode.parse(periode), tahun=year,
                           engine=engine, password=password, jobs=jobs, progress=not quiet, instansi=instansi,
                           key=load_key(key_path))
    files = run(roster, out, opts)
    click.echo(_("{n} buku kerja, {pegawai} pegawai, ditulis ke {out} (manifest.json di sebelahnya)").format(
        n=len(files), pegawai=len(roster.pegawai), out=out))
    for line in left_out_lines(roster.left_out, atasan_path):
        click.echo(line)
    if opts.backups:
        click.echo(_("{n} buku kerja yang sudah ada disimpan dulu sebagai cadangan di {folder}: {names}").format(
            n=len(opts.backups), folder=opts.backups[0].parent, names=", ".join(p.name for p in opts.backups)))


def _problems(problems: list) -> None:
    """The problems found in the files a verb read (the same ``skp check`` names), one line each."""
    for m in problems:
        click.echo(_("masalah: {m}").format(m=m))


def _backups(backups: list[Path]) -> str:
    """The tail of a summary naming where the old files were kept."""
    if not backups:
        return ""
    return _(", {n} berkas lama disimpan sebagai cadangan di {folder}").format(n=len(backups), folder=backups[0].parent)


def _periode_option(value: str | None) -> int | None:
    if value is None:
        return None
    if value.strip().casefold() == "tahunan":
        return 0
    if not value.isdigit() or not 1 <= int(value) <= 12:
        raise click.BadParameter(_("nomor periode (1-4 triwulanan, 1-12 bulanan) atau 'tahunan'"))
    return int(value)


@main.command(help=_("""Baca setiap buku kerja terisi di JALUR (berkas, atau folder termasuk subfolder) dan tulis satu rekap.

    Semua dihitung ulang dari isian; berkas yang bermasalah menjadi baris sheet 'Masalah' dan sisanya tetap
    direkap. Kode keluar 1 hanya bila tidak ada berkas yang terbaca."""))
@click.argument("paths", nargs=-1, required=True, metavar=_("JALUR..."), type=click.Path(exists=True, path_type=Path))
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help=_("Buku kerja rekap yang ditulis."))
@click.option("--manifest", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help=_("manifest.json dari skp generate: laporkan berkas yang belum masuk dan berkas unit lain."))
@click.option("--periode", default=None, help=_("Hanya periode ini (nomor) atau 'tahunan' (bawaan: semua)."))
@click.option("--csv", "csv_dir", type=click.Path(file_okay=False, path_type=Path),
              help=_("Tulis juga satu CSV per sheet, dan siasn_rekonsiliasi.csv, ke folder ini."))
@click.option("--parquet", type=click.Path(dir_okay=False, path_type=Path), help=_("Tulis juga Rekap Pegawai sebagai Parquet."))
@click.option("--jobs", type=int, default=1, show_default=True, help=_("Jumlah proses yang membaca berkas."))
@click.option("--scheduler", default=None,
              help=_("Baca di klaster Dask: tcp://HOST:PORT, atau 'local' untuk klaster lokal (ekstra 'dask')."))
@click.option("--key", "key_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help=_("Berkas kunci HMAC yang dipakai saat manifest ditulis (atau SKP_KEY)."))
@click.option("--quiet", is_flag=True, help=_("Tanpa bilah kemajuan."))
def consolidate(paths: tuple[Path, ...], out: Path, manifest: Path | None, periode: str | None,
                csv_dir: Path | None, parquet: Path | None, jobs: int, scheduler: str | None,
                key_path: Path | None, quiet: bool) -> None:
    """Consolidate filled workbooks into one rekap."""
    from skpkit.generator.read.manifest import load_key
    from skpkit.generator.commands.consolidate import consolidate as run

    summary = run(list(paths), out, manifest=manifest, periode=_periode_option(periode), csv_dir=csv_dir,
                  parquet=parquet, jobs=jobs, progress=not quiet, key=load_key(key_path), scheduler=scheduler)
    click.echo(_("{read} dari {files} berkas terbaca, {pegawai} pegawai; {masalah} masalah (sheet Masalah), "
                 "{belum} isian belum lengkap (sheet Belum Lengkap); ditulis {written}").format(
        read=summary.files_read, files=summary.files, pegawai=summary.pegawai, masalah=summary.masalah,
        belum=summary.belum, written=", ".join(map(str, summary.written))))
    if not summary.filled:  # the issued blank workbooks, or the wrong folder: not a success to report
        click.echo(_("perhatian: belum ada isian sama sekali di {n} berkas yang terbaca (semua kosong); rekap hanya "
                     "berisi nama. Periksa folder yang dipilih (berkas terisi, bukan yang baru diterbitkan)").format(
                         n=summary.files_read))


@main.command(help=_("Terbitkan ulang buku kerja di JALUR (berkas atau folder) dari buku kerja atasan yang berubah; setiap isian dibawa menurut id tetapnya."))
@click.argument("files", nargs=-1, required=True, metavar=_("JALUR..."), type=click.Path(exists=True, path_type=Path))
@click.option("--atasan", "atasan_path", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help=_("Buku kerja atasan yang sekarang (RHK dan matriks peran hasil yang berubah)."))
@click.option("--roster", "roster_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help=_("Roster yang sekarang: pegawai baru mendapat sheet, yang pindah mengikuti unitnya."))
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path),
              help=_("Tulis buku kerja terbitan ulang ke sini (bawaan: di tempatnya, cadangan di folder cadangan)."))
@click.option("--no-backup", is_flag=True, help=_("Jangan simpan berkas lama sebagai cadangan."))
@click.option("--key", "key_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help=_("Berkas kunci HMAC untuk sidik jari manifest (atau SKP_KEY)."))
def refresh(files: tuple[Path, ...], atasan_path: Path, roster_path: Path | None, out: Path | None,
            no_backup: bool, key_path: Path | None) -> None:
    """Re-issue workbooks after the superior's changes."""
    from skpkit.generator.read.manifest import load_key
    from skpkit.generator.commands.refresh import refresh as run

    result = run(inputs(files, writes=out is None), atasan_path, roster_path=roster_path, out=out, backup=not no_backup,
                 key=load_key(key_path))
    for who, notes in result.changes.items():
        for note in notes:
            click.echo(f"{who}: {note}")
    _problems(result.problems)
    for line in left_out_lines(result.left_out, atasan_path):
        click.echo(line)
    click.echo(_("{n} buku kerja diterbitkan ulang").format(n=len(result.written)) + _backups(result.backups))


@main.command("print", help=_("""PDF formulir resmi dari buku kerja di JALUR (berkas atau folder) (SKP, EVALUASI per periode, DOKUMEN EVALUASI) lewat LibreOffice headless;
    buku kerja rekap dicetak apa adanya, atau dokumen angka kredit dari rekap dengan --form ak."""))
@click.argument("files", nargs=-1, required=True, metavar=_("JALUR..."), type=click.Path(exists=True, path_type=Path))
@click.option("--form", type=click.Choice(["skp", "evaluasi", "dokumen", "ak"]),
              help=_("Satu formulir: skp (rencana), evaluasi (per periode), dokumen (Dokumen Evaluasi), atau ak "
                     "(Konversi, Akumulasi dan Penetapan Angka Kredit dari rekap); bawaan semua."))
@click.option("--periode", help=_("Periode formulir evaluasi (1..n), atau 'tahunan' untuk Dokumen Evaluasi."))
@click.option("--per", type=click.Choice(["pegawai", "unit"]), default="pegawai", show_default=True,
              help=_("Satu PDF per pegawai, atau satu per buku kerja."))
@click.option("--kertas", type=click.Choice(KERTAS, case_sensitive=False),
              help=_("Ukuran kertas: A4, atau F4 (215 x 330 mm); bawaan: Kertas di Pengaturan tiap buku kerja."))
@click.option("--roster", "roster_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help=_("Roster dengan kolom identitas tambahan untuk --form ak (No. Seri Karpeg, tempat lahir, pendidikan, "
                     "masa kerja, TMT pangkat)."))
@click.option("--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path), help=_("Folder untuk PDF."))
def print_(files: tuple[Path, ...], form: str | None, periode: str | None, per: str, kertas: str | None,
           roster_path: Path | None, out: Path) -> None:
    """Print the official forms as PDF."""
    from skpkit.generator.commands.cetak import print_pdf

    number = None
    if periode is not None:
        if periode.strip().casefold() == "tahunan":
            form = "dokumen"
        elif periode.strip().isdigit():
            number, form = int(periode), form or "evaluasi"
        else:
            raise click.BadParameter(_("{periode!r}: nomor periode atau 'tahunan'").format(periode=periode),
                                     param_hint="--periode")
    result = print_pdf(inputs(files, writes=False), out, form=form, periode=number, per=per, kertas=kertas,
                       roster=roster_path)
    _problems(result.problems)
    click.echo(_("{n} PDF ditulis di {out}").format(n=len(result.written), out=out))


@main.command(help=_("""Penetapan: rencana terisi (RHK, indikator, target) di JALUR (berkas atau folder) menjadi yang disepakati. Isinya menjadi isi
    terbitan (terkunci, di manifest sebelah berkas), sehingga skp check melaporkan target yang diubah."""))
@click.argument("files", nargs=-1, required=True, metavar=_("JALUR..."), type=click.Path(exists=True, path_type=Path))
@click.option("--tanggal", type=click.DateTime(["%Y-%m-%d", "%d-%m-%Y"]),
              help=_("Tanggal penetapan (bawaan: hari ini), tampil di SKP."))
@click.option("--no-backup", is_flag=True, help=_("Jangan simpan berkas lama sebagai cadangan."))
@click.option("--key", "key_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help=_("Berkas kunci HMAC untuk sidik jari manifest (atau SKP_KEY)."))
def tetapkan(files: tuple[Path, ...], tanggal, no_backup: bool, key_path: Path | None) -> None:
    """Penetapan of the filled plans."""
    from skpkit.generator.read.manifest import load_key
    from skpkit.generator.commands.tetapkan import tetapkan as run

    result = run(inputs(files, writes=True), tanggal=tanggal.date() if tanggal else None, key=load_key(key_path),
                 backup=not no_backup)
    for who, (n_rhk, n_ind) in result.fixed.items():
        click.echo(_("{who}: {rhk} RHK, {ind} indikator ditetapkan").format(who=who, rhk=n_rhk, ind=n_ind))
    _problems(result.problems)
    click.echo(_("{n} buku kerja ditetapkan").format(n=len(result.written)) + _backups(result.backups))


@main.command(help=_("""Periksa buku kerja yang dikembalikan di JALUR (berkas atau folder). Kode keluar 1 bila ada berkas bermasalah; periode yang belum diisi
    hanya informasi."""))
@click.argument("files", nargs=-1, required=True, metavar=_("JALUR..."), type=click.Path(exists=True, path_type=Path))
@click.option("--manifest", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help=_("manifest.json saat berkas diterbitkan: isi terbitan dibandingkan sel demi sel."))
@click.option("--key", "key_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help=_("Berkas kunci HMAC yang dipakai saat manifest ditulis (atau SKP_KEY)."))
def check(files: tuple[Path, ...], manifest: Path | None, key_path: Path | None) -> None:
    """Check returned workbooks."""
    from skpkit.generator.commands.check import check_file
    from skpkit.generator.read.manifest import load_key, load_manifest, verify_manifest

    data = load_manifest(manifest) if manifest else None
    key = load_key(key_path)
    bad = 0
    whole = verify_manifest(data, manifest, key) if data is not None else None
    if whole is not None:
        bad += 1
        click.echo(_("{file}: BERMASALAH").format(file=manifest))
        click.echo("  " + _("masalah: {m}").format(m=whole))
    for f in inputs(files, writes=False):
        found = check_file(f, data, key)
        bad += bool(found.problems)
        click.echo((_("{file}: BERMASALAH") if found.problems else _("{file}: OK")).format(file=f))
        for m in found.problems:
            click.echo("  " + _("masalah: {m}").format(m=m))
        for m in found.notes:
            click.echo("  " + _("catatan: {m}").format(m=m))
        for line in found.info:
            click.echo("  " + _("info: {m}").format(m=line))
    if bad:
        raise SystemExit(1)


@main.group(help=_("Buku kerja kosong sebagai titik awal."), plugins=None)
def template() -> None:
    """Blank workbooks."""


@template.command("atasan", help=_("Buku kerja atasan di puncak pohon: RHK dan matriks peran hasil untuk diisi."))
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path), help=_("Berkas yang ditulis."))
@click.option("--nip", required=True, help=_("NIP atasan (18 digit, sebagai teks)."))
@click.option("--nama", required=True, help=_("Nama atasan."))
@click.option("--jabatan", required=True, help=_("Jabatan atasan."))
@click.option("--unit", required=True, help=_("Unit kerja atasan."))
@click.option("--jenis", default="JPT", show_default=True, help=_("Jenis jabatan atasan."))
@click.option("--pangkat", default="", help=_("Pangkat/golongan atasan."))
@click.option("--roster", "roster_path", type=click.Path(dir_okay=False, path_type=Path),
              help=_("Roster: pegawai dengan NIP atasan = --nip menjadi baris matriks peran hasil."))
@click.option("--periode", type=PERIODE, default="triwulanan", show_default=True, help=_("Jenis periode penilaian."))
@click.option("--tahun", type=click.IntRange(2000, 2100), default=None, help=_("Tahun SKP."))
@click.option("--instansi", default="", help=_("Nama instansi."))
def template_atasan(out: Path, nip: str, nama: str, jabatan: str, unit: str, jenis: str, pangkat: str,
                    roster_path: Path | None, periode: str, tahun: int | None, instansi: str) -> None:
    """The superior's workbook for the top of the tree."""
    from skpkit.errors import InputError
    from skpkit.nip import parse_nip
    from skpkit.generator.errors import Masalah
    from skpkit.generator.read.roster import read_roster
    from skpkit.generator.commands.template import write_template

    try:
        top = Pegawai(parse_nip(nip).nip, nama, jabatan, JenisJabatan.parse(jenis), unit, "", pangkat)
    except InputError as e:
        raise UserError(Masalah("", what=f"--nip/--jenis: {e.reason}", todo=e.hint)) from None
    bawahan = read_roster(roster_path, (top.nip,)) if roster_path else []
    write_template(top, bawahan, out, tahun=tahun or _default_year(), instansi=instansi,
                   jenis_periode=JenisPeriode.parse(periode))
    click.echo(_("ditulis {out}: isi RHK di sheet 'SKP' dan matriks peran hasil, lalu jalankan "
                 "skp generate --atasan {out}").format(out=out))


if __name__ == "__main__":  # pragma: no cover
    main()
