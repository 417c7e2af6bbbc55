"""Backups made while the counters keep working, checked, and restored anywhere.

One module a job; import the one you need:

* :mod:`app.backup.dump_format`: the two kinds of backup file (a SQLite copy, the
  portable Loket dump), their column types, and reading either back;
* :mod:`app.backup.make`: :func:`~app.backup.make.make_backup`, a consistent copy of
  the connected database while others keep writing;
* :mod:`app.backup.verify`: :func:`~app.backup.verify.verify_backup` checks a file
  without restoring it; :func:`~app.backup.verify.check_database` a live database;
* :mod:`app.backup.restore`: :func:`~app.backup.restore.restore` into an empty (or,
  forced, a used) database, and the copy made before a forced restore;
* :mod:`app.backup.schedule`: the daily backup (due, claimed by one PC, pruned), the
  backup folder's files and the supervisor page's overview.
"""
