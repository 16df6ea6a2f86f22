import rule from '../../../src/rules/dependencies/no-manifest.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'node app with package.json at the root',
      files: { 'package.json': '{ "dependencies": { "express": "^4.19.2" } }\n', 'src/server.js': "const express = require('express');\nconst fs = require('node:fs');\n" },
    },
    { name: 'only builtins and relative imports', files: { 'server.mjs': "import http from 'http';\nimport { readFile } from 'fs/promises';\nimport { route } from './route.mjs';\n", 'route.mjs': 'export const route = 1;\n' } },
    { name: 'a vendored bundle (vikunja redoc.standalone.js) and a tool folder script (.agents/skills)', files: { 'main.go': 'package main\n', 'go.mod': 'module x\n', 'pkg/redoc/redoc.standalone.js': `!function(e,t){"object"==typeof exports&&"object"==typeof module?module.exports=t(require("null")):e.Redoc=t()}(this,function(){${'var a=1;'.repeat(4000)}});\n`, '.agents/skills/check.py': 'import yaml\n' } },
    { name: 'browser code under static/', files: { 'app.py': 'import os\n', 'static/js/app.js': "import { Controller } from '@hotwired/stimulus';\n" } },
    { name: 'tool config in a project without package.json (standalone Tailwind CLI)', files: { 'app.py': 'import os\n', 'tailwind.config.js': "module.exports = { plugins: [require('@tailwindcss/forms')] };\n" } },
    { name: 'Deno project', files: { 'deno.json': '{ "imports": { "oak": "jsr:@oak/oak@16" } }\n', 'main.ts': "import { Application } from 'oak';\n" } },
    {
      name: 'python stdlib, local modules and optional imports',
      files: {
        'app.py': 'import os, sys\nimport json as j\nfrom collections import OrderedDict\nfrom utils import helper\nfrom mypkg.sub import thing\nfrom . import sibling\n\ntry:\n    import ujson\nexcept ImportError:\n    ujson = None\n',
        'utils.py': 'def helper():\n    pass\n',
        'mypkg/__init__.py': '',
        'mypkg/sub.py': 'thing = 1\n',
      },
    },
    { name: 'python with a requirements folder', files: { 'requirements/base.txt': 'django==5.0.6\n', 'manage.py': 'import django\n' } },
    { name: 'python with pyproject.toml in a subfolder', files: { 'backend/pyproject.toml': '[project]\nname = "app"\ndependencies = ["fastapi"]\n', 'backend/app/main.py': 'from fastapi import FastAPI\n' } },
    { name: 'go module', files: { 'go.mod': 'module example.com/app\n\ngo 1.22\n', 'cmd/app/main.go': 'package main\n\nimport (\n\t"fmt"\n\t"github.com/go-chi/chi/v5"\n)\n' } },
    { name: 'go standard library only, without go.mod', files: { 'main.go': 'package main\n\nimport (\n\t"fmt"\n\t"net/http"\n)\n' } },
    { name: 'test fixtures', files: { 'README.md': 'x\n', 'test/fixtures/app.js': "require('left-pad');\n", 'tests/data/script.py': 'import numpy\n' } },
    { name: 'a package declared in another folder\'s package.json, copied to the root at build (NodeBB install/package.json)', files: { 'install/package.json': '{"name":"nodebb","dependencies":{"nconf":"0.12.1"}}', 'Gruntfile.js': "const nconf = require('nconf');\n" } },
    { name: 'a Go template in a tool\'s hidden folder (homebox .scaffold/model/templates)', files: { 'backend/go.mod': 'module x\n', '.scaffold/model/templates/model.go': 'package model\n\nimport (\n\t"entgo.io/ent"\n)\n' } },
    { name: 'single files given', files: { 'app.py': 'import flask\n' }, paths: ['app.py'] },
    { name: 'a Python helper beside a Go image (wakapi scripts/download_heartbeats.py): no release image runs Python', files: { Dockerfile: 'FROM golang:1.23 AS build\nRUN go build -o /wakapi .\nFROM alpine:3.20\nCOPY --from=build /wakapi /wakapi\nENTRYPOINT ["/wakapi"]\n', 'go.mod': 'module x\n', 'scripts/download_heartbeats.py': 'import requests\nfrom tqdm import tqdm\n' } },
  ],
  invalid: [
    {
      name: 'node code without package.json',
      files: { 'server.js': "'use strict';\nconst path = require('path');\nconst express = require('express');\n", 'worker.js': "import Redis from 'ioredis';\n" },
      errors: [{ file: 'server.js', line: 3, column: 1, messageId: 'npm', message: /server\.js imports the package "express" \(and 1 other file imports packages\), but no package\.json/ }],
    },
    {
      name: 'a package.json elsewhere does not cover a sibling folder',
      files: { 'web/package.json': '{ "dependencies": { "react": "18.3.1" } }\n', 'web/src/index.js': "import React from 'react';\n", 'scripts/seed.ts': "import { faker } from '@faker-js/faker/locale/en';\n" },
      errors: [{ file: 'scripts/seed.ts', line: 1, messageId: 'npm', message: /"@faker-js\/faker"/ }],
    },
    {
      name: 'python app without any manifest',
      files: { 'app.py': '"""App."""\nimport os\nfrom flask import Flask\nimport redis\n', 'Dockerfile': 'FROM python:3.12-slim\nRUN pip install flask redis\nCOPY app.py .\n' },
      errors: [{ file: 'app.py', line: 3, column: 1, messageId: 'python', message: /imports the third-party module "flask"/ }],
    },
    {
      name: 'go code without go.mod',
      files: { 'main.go': 'package main\n\nimport "github.com/gorilla/mux"\n' },
      errors: [{ file: 'main.go', line: 3, messageId: 'go', message: /"github\.com\/gorilla\/mux"/ }],
    },
  ],
});
