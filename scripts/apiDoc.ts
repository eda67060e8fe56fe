/**
 * docs/API.md, written from the contract's types (cloudfunctions/contract/api.ts) so it cannot drift:
 * every cloud function and action with what it takes and answers, as the type checker reads them
 * (the schemas that validate the inputs are held to these by ActionsOf), and the comment the
 * contract gives it.
 * `npm run docs:api` writes it; a test fails when the file is not what this writes.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(__dirname, '..');
const CONTRACT = resolve(ROOT, 'cloudfunctions/contract/api.ts');
/** The answers' shapes, written out in the contract's own folder. */
const VIEWS = resolve(ROOT, 'cloudfunctions/contract/views.ts');
export const API_DOC = resolve(ROOT, 'docs/API.md');

const HEADER = `# The cloud API, as built

Written by \`npm run docs:api\` from the contract's types (\`cloudfunctions/contract/api.ts\`); a test
fails when this file and the types disagree, so edit the types, not this file.

Every call is \`POST /api/<function>\` locally (\`wx.cloud.callFunction({name, data})\` in WeChat) with
\`{"action": "<action>", ...input}\`, and answers the envelope \`{"ok": true, "data": output}\` or
\`{"ok": false, "error": {"code", "message"}}\` (codes: INVALID_INPUT, UNAUTHENTICATED, FORBIDDEN,
NOT_FOUND, ALREADY_DONE, CONFLICT, LIMIT_REACHED, INSUFFICIENT_POINTS, …). Identity comes from
WeChat (locally the \`X-Dev-Openid\` header), never from the input. Types named below (Member,
Entry, …) are defined in \`cloudfunctions/contract/api.ts\` and the files it imports.
`;

const FLAGS =
  ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType | ts.TypeFormatFlags.WriteArrayAsGenericType;

/** The markdown for the contract as it stands. */
export function apiDoc(): string {
  const program = ts.createProgram([CONTRACT], {
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    module: ts.ModuleKind.ESNext,
    target: ts.ScriptTarget.ES2020,
    esModuleInterop: true,
    resolveJsonModule: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(CONTRACT)!;
  const api = source.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'Api')!;
  const lines = [HEADER];
  const comment = (node: ts.Node) =>
    ts
      .getJSDocCommentsAndTags(node)
      .map((doc) => (typeof doc.comment === 'string' ? doc.comment : ''))
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
  const typeText = (node: ts.Node) => checker.typeToString(checker.getTypeAtLocation(node), undefined, FLAGS).replace(/\s+/g, ' ');
  for (const fn of api.members.filter(ts.isPropertySignature)) {
    const name = (fn.name as ts.Identifier).text;
    lines.push(`## \`${name}\``, '');
    const actions = (fn.type as ts.TypeLiteralNode).members.filter(ts.isPropertySignature);
    for (const action of actions) {
      const parts = (action.type as ts.TypeLiteralNode).members.filter(ts.isPropertySignature);
      const part = (key: string) => parts.find((p) => (p.name as ts.Identifier).text === key)!;
      const note = comment(action);
      lines.push(`### \`${name}.${(action.name as ts.Identifier).text}\``, '');
      if (note) lines.push(note, '');
      lines.push(`- takes: \`${typeText(part('in').type!)}\``, `- answers: \`${typeText(part('out').type!)}\``, '');
    }
  }
  // The contract's own named types, field by field.
  lines.push('## Types', '');
  for (const declaration of [...source.statements, ...program.getSourceFile(VIEWS)!.statements]) {
    if (!(ts.isInterfaceDeclaration(declaration) || ts.isTypeAliasDeclaration(declaration)) || declaration.name.text === 'Api') continue;
    if (!declaration.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    const type = checker.getTypeAtLocation(declaration.name);
    const note = comment(declaration);
    lines.push(`### \`${declaration.name.text}\``, '');
    if (note) lines.push(note, '');
    const fields = type.isUnion() || declaration.typeParameters ? [] : checker.getPropertiesOfType(type);
    if (!fields.length)
      lines.push(`\`${checker.typeToString(type, declaration, FLAGS | ts.TypeFormatFlags.InTypeAlias).replace(/\s+/g, ' ')}\``, '');
    for (const field of fields)
      lines.push(
        `- \`${field.name}${field.flags & ts.SymbolFlags.Optional ? '?' : ''}\`: \`${checker.typeToString(checker.getTypeOfSymbolAtLocation(field, declaration), undefined, FLAGS).replace(/\s+/g, ' ')}\``,
      );
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

if (require.main === module) {
  writeFileSync(API_DOC, apiDoc());
  console.log(`wrote ${API_DOC}`);
}
