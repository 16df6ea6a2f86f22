import rule from '../../../src/rules/processes/local-database-in-code.js';
import { ruleTester } from '../../support/rule-tester.js';

const image = { Dockerfile: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["gunicorn", "mysite.wsgi"]\n', 'requirements.txt': 'django==5.0.6\n' };

ruleTester(rule, {
  valid: [
    { name: 'PostgreSQL from settings or from DATABASE_URL', files: { ...image, 'mysite/settings.py': "import os\nDATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'NAME': os.environ['DB_NAME']}}\n", 'other/settings.py': "import environ\nenv = environ.Env()\nDATABASES = {'default': env.db('DATABASE_URL')}\n" } },
    { name: 'SQLite in a development settings module', files: { ...image, 'mysite/settings/dev.py': "DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': 'db.sqlite3'}}\n" } },
  ],
  invalid: [
    {
      name: 'SQLite in the settings that run; a DATABASE_URL that defaults to SQLite (info)',
      files: {
        ...image,
        'mysite/settings.py': "DATABASES = {\n    'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': BASE_DIR / 'db.sqlite3'},\n}\n",
        'other/settings.py': "import dj_database_url\nDATABASES = {'default': dj_database_url.config(default='sqlite:///db.sqlite3')}\n",
      },
      errors: [
        { file: 'mysite/settings.py', line: 1, messageId: 'sqlite', severity: 'warning' },
        { file: 'other/settings.py', line: 2, messageId: 'sqliteDefault', severity: 'info', message: /falls back to SQLite when DATABASE_URL is unset/ },
      ],
    },
  ],
});
