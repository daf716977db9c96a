"""Exceptions whose messages a reporter can act on: file, row or line, column, what was expected."""


class DataError(ValueError):
    """A committed table breaks its descriptor.

    >>> str(DataError("data/lavrov_trips.csv", "'2023-02-31' is not a date", row=7,
    ...               column="arrival_date"))
    "data/lavrov_trips.csv, row 7, column arrival_date: '2023-02-31' is not a date"
    """

    def __init__(self, file, message, row=None, column=None):
        self.file, self.row, self.column, self.detail = str(file), row, column, message
        where = [self.file]
        if row is not None:
            where.append(f"row {row}")
        if column is not None:
            where.append(f"column {column}")
        super().__init__(f"{', '.join(where)}: {message}")


class SipriFormatError(ValueError):
    """A file that is not a SIPRI export we can read, or a damaged one.

    ``line`` is the 1-based physical line of the file where the problem is.

    >>> str(SipriFormatError("register.csv", "expected 16 fields, found 3", line=40,
    ...                      column="Year(s) of delivery"))
    'register.csv, line 40, column Year(s) of delivery: expected 16 fields, found 3'
    """

    def __init__(self, file, message, line=None, column=None):
        self.file, self.line, self.column, self.detail = str(file), line, column, message
        where = [self.file]
        if line is not None:
            where.append(f"line {line}")
        if column is not None:
            where.append(f"column {column}")
        super().__init__(f"{', '.join(where)}: {message}")
