/**
 * Renders build/icon.svg into the PNGs electron-builder packages: build/icon.png (1024, from
 * which it derives .icns and .ico), build/icon-512.png, and build/icons/<size>x<size>.png for
 * Linux desktop entries. Run with `npm run icons` after editing the SVG.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import sharp from 'sharp';

const buildDir = resolve(import.meta.dirname, '../build');
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;

async function render(svg: Buffer, size: number, path: string): Promise<void> {
  // Rasterise at the target density so small sizes stay crisp instead of being downscaled.
  await sharp(svg, { density: Math.max(72, (72 * size) / 1024) * 4 })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toFile(path);
}

async function main(): Promise<void> {
  const svg = readFileSync(resolve(buildDir, 'icon.svg'));
  mkdirSync(resolve(buildDir, 'icons'), { recursive: true });
  await render(svg, 1024, resolve(buildDir, 'icon.png'));
  await render(svg, 512, resolve(buildDir, 'icon-512.png'));
  for (const size of LINUX_SIZES)
    await render(svg, size, resolve(buildDir, 'icons', `${size}x${size}.png`));
  console.log(`icons written to ${buildDir}`);
}

await main();
