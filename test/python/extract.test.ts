import { describe, expect, it } from 'vitest';
import { grammarFacts } from '../support/grammar.js';
import { extractPythonFacts } from '../../src/project/python/extract.js';

const facts = (text: string) => grammarFacts('python', extractPythonFacts, text);

const read = async (text: string) => (await facts(text)).envReads.map((r) => ({ name: r.name, hasDefault: r.hasDefault, ...(r.fallback ? { fallback: r.fallback } : {}), ...(r.condition ? { condition: true } : {}), ...(r.declaredOptional ? { declaredOptional: true } : {}) }));

describe('Python env reads', () => {
  it.each<[string, string, object[]]>([
    ['os.environ[...] is required', "import os\nA = os.environ['DB_HOST']\n", [{ name: 'DB_HOST', hasDefault: false }]],
    ['os.environ.get without a default: the code goes on with None', "import os\nA = os.environ.get('DB_HOST')\nB = os.getenv('X', None)\n", [{ name: 'DB_HOST', hasDefault: true }, { name: 'X', hasDefault: true }]],
    ['os.environ.get with a default', "import os\nA = os.environ.get('PORT', 8000)\n", [{ name: 'PORT', hasDefault: true, fallback: { k: 'num', v: 8000 } }]],
    ['os.getenv with a keyword default', "import os\nA = os.getenv('LEVEL', default='info')\n", [{ name: 'LEVEL', hasDefault: true, fallback: { k: 'str', v: 'info' } }]],
    ['from os import environ, getenv', "from os import environ, getenv as ge\nA = environ['X']\nB = ge('Y', 'y')\n", [{ name: 'X', hasDefault: false }, { name: 'Y', hasDefault: true, fallback: { k: 'str', v: 'y' } }]],
    ['a test: if os.getenv(...)', "import os\nif os.getenv('USE_S3'):\n    pass\n", [{ name: 'USE_S3', hasDefault: true, condition: true }]],
    ["a test: 'X' in os.environ", "import os\nif 'SENTRY_DSN' in os.environ:\n    pass\n", [{ name: 'SENTRY_DSN', hasDefault: false, condition: true }]],
    ['a comparison', "import os\nDEBUG = os.environ.get('DEBUG', 'False') == 'True'\n", [{ name: 'DEBUG', hasDefault: true, fallback: { k: 'str', v: 'False' }, condition: true }]],
    ['`or` gives a fallback', "import os\nA = os.getenv('NAME') or 'app'\n", [{ name: 'NAME', hasDefault: true, fallback: { k: 'str', v: 'app' } }]],
    ['read only inside a branch a feature switch opens', "import os\nif os.getenv('USE_S3'):\n    BUCKET = os.environ['AWS_BUCKET']\n", [{ name: 'USE_S3', hasDefault: true, condition: true }, { name: 'AWS_BUCKET', hasDefault: false, condition: true }]],
    ['a KeyError the code catches (microservices-demo)', "import os\ntry:\n    project_id = os.environ['GCP_PROJECT_ID']\nexcept KeyError:\n    pass\ntry:\n    x = os.environ['NEEDED']\nexcept ValueError:\n    pass\n", [{ name: 'GCP_PROJECT_ID', hasDefault: false, condition: true }, { name: 'NEEDED', hasDefault: false }]],
    ['django-environ with declared defaults', "import environ\nenv = environ.Env(DEBUG=(bool, True))\nDEBUG = env('DEBUG')\nDB = env.db('DATABASE_URL')\nR = env.str('REDIS_URL', default='redis://r')\n", [{ name: 'DEBUG', hasDefault: true, fallback: { k: 'bool', v: true }, declaredOptional: true }, { name: 'DATABASE_URL', hasDefault: false }, { name: 'REDIS_URL', hasDefault: true, fallback: { k: 'str', v: 'redis://r' } }]],
    ['python-decouple', "from decouple import config\nSECRET = config('SECRET_KEY')\nD = config('DEBUG', default=False, cast=bool)\n", [{ name: 'SECRET_KEY', hasDefault: false }, { name: 'DEBUG', hasDefault: true, fallback: { k: 'bool', v: false } }]],
  ])('%s', async (_name, text, expected) => {
    expect(await read(text)).toEqual(expected);
  });

  it('leaves alone what is not the environment', async () => {
    expect(await read("import os\nA = config.get('X')\nB = d['X']\nC = os.path.join('a', 'b')\nD = f\"{os.environ}\"\n")).toEqual([]);
  });

  it('setdefault and assignment are writes, not reads', async () => {
    const f = await facts("import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'app.settings')\nos.environ['TZ'] = 'UTC'\n");
    expect(f.envReads).toEqual([]);
    expect(f.envWrites).toEqual(['DJANGO_SETTINGS_MODULE', 'TZ']);
  });

  it('an env dict handed to a process or job it starts sets those variables (robotoff batch env_variables)', async () => {
    const f = await facts("import subprocess\nconfig = Job.init(env_variables={'BUCKET_NAME': bucket, 'INPUT_FILE_PATH': path})\nsubprocess.run(['x'], env={'HOME': '/tmp'})\nother(options={'NOT_ENV': 1})\n");
    expect(f.envWrites).toEqual(['BUCKET_NAME', 'INPUT_FILE_PATH', 'HOME']);
  });
});
