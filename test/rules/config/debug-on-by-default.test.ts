import rule from '../../../src/rules/config/debug-on-by-default.js';
import { ruleTester } from '../../support/rule-tester.js';

const image = { Dockerfile: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["gunicorn", "mysite.wsgi"]\n', 'requirements.txt': 'django==5.0.6\n' };

ruleTester(rule, {
  valid: [
    { name: 'debug off by default', files: { ...image, 'mysite/settings.py': "import os\nDEBUG = os.environ.get('DEBUG', 'False') == 'True'\nDEBUG2 = os.getenv('DJANGO_DEBUG', '0') == '1'\n" } },
    { name: 'no default: the deploy decides', files: { ...image, 'mysite/settings.py': "import os\nDEBUG = os.environ['DEBUG'] == 'True'\n" } },
    { name: 'a development settings module', files: { ...image, 'mysite/settings/dev.py': "import os\nDEBUG = os.environ.get('DEBUG', 'True') == 'True'\n", 'mysite/local_settings.py': "import os\nDEBUG = os.getenv('DEBUG', True)\n" } },
    { name: 'another variable with a true default', files: { ...image, 'mysite/settings.py': "import os\nUSE_TZ = os.environ.get('USE_TZ', 'True') == 'True'\n" } },
  ],
  invalid: [
    {
      name: 'os.environ.get with "True", django-environ Env(DEBUG=(bool, True)), decouple default=True',
      files: {
        ...image,
        'mysite/settings.py': "import os\nDEBUG = os.environ.get('DEBUG', 'True') == 'True'\n",
        'other/settings.py': "import environ\nenv = environ.Env(DEBUG=(bool, True))\nDEBUG = env('DEBUG')\n",
        'third/settings.py': "from decouple import config\nDEBUG = config('DJANGO_DEBUG', default=True, cast=bool)\n",
      },
      errors: [
        { file: 'mysite/settings.py', line: 2, messageId: 'debugDefault', message: /^DEBUG defaults to "True": a deploy that does not set it runs in debug mode/ },
        { file: 'other/settings.py', line: 3, messageId: 'debugDefault', message: /^DEBUG defaults to true/ },
        { file: 'third/settings.py', line: 2, messageId: 'debugDefault', message: /^DJANGO_DEBUG defaults to true/ },
      ],
    },
  ],
});
