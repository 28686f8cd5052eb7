"""Where the stand-in keeps what the platform would keep in its database and on disk: JSON files
under the directory `SOAR_STANDIN_HOME` names (the tests choose it), so that what a run saved can
be read by the tests and by the next run."""

import json
import os

HOME_VARIABLE = "SOAR_STANDIN_HOME"


def directory(*parts):
    """A directory under the stand-in's home, created when missing."""
    home = os.environ.get(HOME_VARIABLE)
    if not home:
        raise RuntimeError(f"{HOME_VARIABLE} is not set: the stand-in has nowhere to keep data")
    full = os.path.join(home, *parts)
    os.makedirs(full, exist_ok=True)
    return full


def path(*parts):
    """A file's path under the stand-in's home; its directory is created."""
    return os.path.join(directory(*parts[:-1]), parts[-1])


def read(default, *parts):
    """The JSON value of the file at `parts`, or `default` when there is none."""
    try:
        with open(path(*parts)) as file:
            return json.load(file)
    except FileNotFoundError:
        return default


def write(value, *parts):
    """Writes `value` as the JSON file at `parts`, through a temporary file renamed over it."""
    target = path(*parts)
    with open(target + ".tmp", "w") as file:
        json.dump(value, file, indent=2)
    os.replace(target + ".tmp", target)


def records(kind):
    """The records of one kind (`containers`, `artifacts`, `vault`), in the order saved."""
    return read([], f"{kind}.json")


def append(saved, record):
    """Appends `record` to the list of records `saved` with the next id; returns the id."""
    saved.append(dict(record, id=len(saved) + 1))
    return len(saved)


def add_record(kind, record):
    """Saves one record with the next id of its kind and returns that id."""
    saved = records(kind)
    record_id = append(saved, record)
    write(saved, f"{kind}.json")
    return record_id
