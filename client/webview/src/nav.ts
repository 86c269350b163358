/** Keyboard navigation between cards/points: the nearest item in an arrow's direction. */
export interface Box {
    x: number;
    y: number;
    w: number;
    h: number;
}

export type Direction = 'left' | 'right' | 'up' | 'down';

export function directionOfKey(key: string): Direction | null {
    switch (key) {
        case 'ArrowLeft':
            return 'left';
        case 'ArrowRight':
            return 'right';
        case 'ArrowUp':
            return 'up';
        case 'ArrowDown':
            return 'down';
        default:
            return null;
    }
}

/** Index of the item nearest to `items[from]` in `dir`, or -1. Items strictly behind are ignored. */
export function spatialNext(items: readonly Box[], from: number, dir: Direction): number {
    const a = items[from];
    if (!a) return -1;
    const ax = a.x + a.w / 2;
    const ay = a.y + a.h / 2;
    let best = -1;
    let bestScore = Infinity;
    for (let i = 0; i < items.length; i++) {
        if (i === from) continue;
        const b = items[i]!;
        const dx = b.x + b.w / 2 - ax;
        const dy = b.y + b.h / 2 - ay;
        let main: number;
        let cross: number;
        switch (dir) {
            case 'right':
                main = dx;
                cross = dy;
                break;
            case 'left':
                main = -dx;
                cross = dy;
                break;
            case 'down':
                main = dy;
                cross = dx;
                break;
            case 'up':
                main = -dy;
                cross = dx;
                break;
        }
        if (main <= 0.5) continue;
        // prefer items roughly in line: the sideways offset counts three times
        const score = main + 3 * Math.abs(cross);
        if (score < bestScore) {
            bestScore = score;
            best = i;
        }
    }
    return best;
}
