from pathlib import Path

import pytest

from wirecrawl.config import Config, ConfigError, load_config


def test_defaults_without_environment():
    assert load_config(env={}) == Config()


def test_environment_beats_defaults_and_options_beat_environment():
    env = {
        "WIRECRAWL_DB": "/tmp/env.db",
        "WIRECRAWL_DELAY": "0.5",
        "WIRECRAWL_USER_AGENT": "env-agent",
    }
    config = load_config(env=env)
    assert config.db_path == Path("/tmp/env.db")
    assert config.download_delay == 0.5
    assert config.user_agent == "env-agent"
    config = load_config(env=env, db_path="/tmp/option.db", download_delay=None)
    assert config.db_path == Path("/tmp/option.db")
    assert config.download_delay == 0.5  # None means "not given on the command line"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"WIRECRAWL_DELAY": "fast"}, "WIRECRAWL_DELAY"),
        ({"WIRECRAWL_DELAY": "-1"}, "must not be negative"),
        ({"WIRECRAWL_CONCURRENCY": "0"}, "WIRECRAWL_CONCURRENCY"),
        ({"WIRECRAWL_SAMPLE_PORT": "70000"}, "between"),
        ({"WIRECRAWL_KEEP_RAW": "maybe"}, "true or false"),
        ({"WIRECRAWL_USER_AGENT": "   "}, "must not be empty"),
        ({"WIRECRAWL_DEDUP_THRESHOLD": "1.5"}, "at most 1"),
        ({"WIRECRAWL_DEDUP_THRESHOLD": "high"}, "WIRECRAWL_DEDUP_THRESHOLD"),
    ],
)
def test_bad_environment_values_name_the_variable(env, message):
    with pytest.raises(ConfigError, match=message):
        load_config(env=env)


def test_unknown_option_is_refused():
    with pytest.raises(ConfigError, match="unknown setting"):
        load_config(env={}, colour="blue")


def test_dedup_threshold_from_environment():
    assert load_config(env={"WIRECRAWL_DEDUP_THRESHOLD": "0.5"}).dedup_threshold == 0.5


def test_keep_raw_parses_booleans():
    assert load_config(env={"WIRECRAWL_KEEP_RAW": "off"}).keep_raw is False
    assert load_config(env={}, keep_raw=False).keep_raw is False
