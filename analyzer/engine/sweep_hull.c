/* sweep_hull.c — the lower hull of points arriving in increasing x, see sweep_hull.h.
 *
 * The hull is the incremental convex hull (Clarkson & Shor 1989; de Berg et al.,
 * "Computational Geometry", ch. 11) of the points and one symbolic apex high above them:
 * every upper face is replaced by a vertical face over an edge of the hull's projection, so
 * the lower faces and those vertical ones close a surface. A new point has the greatest x, so
 * it lies outside the projection and always becomes a vertex. Inserting it removes the faces
 * it sees (it is below a lower face's plane, or outside a vertical face's edge), which form a
 * disk, and joins it to the disk's boundary. A vertex whose every face was removed is inside
 * the new hull.
 *
 * Every test is exact: a floating-point filter (Shewchuk's forward error bound for the
 * orientation determinant, with a margin) decides nearly all of them, and the few it cannot
 * are computed with GMP's integers. The plane of a face is kept from its rightmost vertex,
 * where new points arrive, which keeps the filter's bound small. A point exactly on the line
 * of an edge of the projection (a constant stretch of data puts every point on one line)
 * sees the vertical face there when it sees the lower face at that edge, so a collinear run
 * shrinks to its ends. A vertex is reported as dropped only with a certificate checked
 * anew: strictly inside a new lower face's projection (or on an edge between two) and
 * strictly above its plane, or strictly above a new edge of the projection. Some convex
 * combination of other points is then below it in every direction optimal partitioning can
 * ask about. A seen region that is not a disk, which exact tests should never give, makes
 * the hull give up; its caller falls back to another pruning.
 */
#include "sweep_hull.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <gmp.h>

#define APEX 0u /* vertex slot 0: the symbolic point above everything */
#define NONE UINT32_MAX

enum { UNSEEN, SEEN, LISTED };
/* Relative error bound of a plane or orientation test: Shewchuk's bounds are 3ε to 7ε times
 * the determinant's permanent; 1e-14 is about 45ε, so rounding never decides a test. */
#define TOL 1e-14
/* Below this the bound itself may have underflowed (subnormal products round to 0): exact. */
#define FILTER_MIN 0x1p-900

typedef struct {
    double x, y, z;
} point3;

/* A face: three vertex slots, the apex always last; a lower face is counter-clockwise in
 * projection. It is seen from p when n·(p − base) < −TOL·(w·|p − base|). */
typedef struct {
    double base[3], n[3], w[3];
    uint32_t v[3];
    uint32_t nb[3];          /* the face across edge j, v[j] → v[j + 1] */
    uint32_t tested;         /* the insertion that last tested it */
    unsigned char state;     /* for that insertion: UNSEEN, SEEN or LISTED */
} face;

typedef struct {
    mpz_t v[4][3], d[3][3], t, acc;
} exact_scratch;

struct seg_sweep_hull {
    exact_scratch *exact;
    /* Vertex slots; slot 0 is the apex. */
    point3 *pt;
    size_t *id;
    uint32_t *succ;       /* scratch: the horizon edge leaving the vertex (NONE) */
    uint32_t *mark;       /* scratch: the insertion that last listed the vertex as inside */
    uint32_t *free_slot;
    size_t slots, slot_cap, nfree, vertices;

    face *face;
    size_t faces, face_cap;
    uint32_t insertion;
    uint32_t latest;       /* the vertex with the greatest x */
    size_t latest_face;    /* a face of it */

    /* Before the first face, while every point is on one line in projection: the lower
     * chain of those points in their vertical plane. */
    struct {
        point3 pt;
        size_t id;
    } *chain_of;
    size_t chain, chain_cap;

    uint32_t *seen;      /* scratch: faces seen by the point being inserted */
    uint32_t *horizon;   /* scratch: from, to and the unseen face across, per edge */
    uint32_t *fan;       /* scratch: the new faces, in the horizon's order */
    uint32_t *inner;     /* scratch: vertices inside the seen disk */
    size_t seen_cap, horizon_cap, inner_cap, fan_cap;

    size_t *dropped;
    size_t ndropped, dropped_cap;
};

static int grow(void **arr, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 0;
    size_t cap2 = *cap ? *cap : 16;
    while (cap2 < need)
        cap2 *= 2;
    if (cap2 > SIZE_MAX / size)
        return -1;
    void *p = realloc(*arr, cap2 * size);
    if (!p)
        return -1;
    *arr = p;
    *cap = cap2;
    return 0;
}

static void exact_scratch_each(exact_scratch *x, void (*fn)(mpz_ptr))
{
    for (int i = 0; i < 4; i++)
        for (int k = 0; k < 3; k++)
            fn(x->v[i][k]);
    for (int i = 0; i < 3; i++)
        for (int k = 0; k < 3; k++)
            fn(x->d[i][k]);
    fn(x->t);
    fn(x->acc);
}

seg_sweep_hull *seg_sweep_hull_new(void)
{
    seg_sweep_hull *h = calloc(1, sizeof *h);
    if (!h)
        return NULL;
    if (!(h->exact = malloc(sizeof *h->exact))) {
        free(h);
        return NULL;
    }
    exact_scratch_each(h->exact, mpz_init);
    seg_sweep_hull_clear(h);
    return h;
}

void seg_sweep_hull_free(seg_sweep_hull *h)
{
    if (!h)
        return;
    exact_scratch_each(h->exact, mpz_clear);
    free(h->exact);
    free(h->pt);
    free(h->id);
    free(h->succ);
    free(h->mark);
    free(h->free_slot);
    free(h->face);
    free(h->seen);
    free(h->horizon);
    free(h->fan);
    free(h->inner);
    free(h->dropped);
    free(h->chain_of);
    free(h);
}

void seg_sweep_hull_clear(seg_sweep_hull *h)
{
    h->slots = 1; /* the apex */
    h->nfree = 0;
    h->vertices = 0;
    h->faces = 0;
    h->chain = 0;
    h->ndropped = 0;
}

size_t seg_sweep_hull_size(const seg_sweep_hull *h)
{
    return h->vertices;
}

const size_t *seg_sweep_hull_dropped(const seg_sweep_hull *h, size_t *count)
{
    *count = h->ndropped;
    return h->dropped;
}

/* Exact signs for the rare tests that floating point cannot decide. Every coordinate is
 * m·2^e with an integer m of at most 53 bits; scaled by 2^−(least e) they are all integers,
 * and GMP's integers give the determinant exactly. The integers live in the hull, set up
 * once: GMP's set-up per call was most of the time on constant data. */
static int exact_orientation(exact_scratch *x, const point3 *pt, int npt)
{
    double c[4][3];
    int least = INT32_MAX;
    for (int i = 0; i < npt; i++) {
        c[i][0] = pt[i].x;
        c[i][1] = pt[i].y;
        c[i][2] = pt[i].z;
        for (int k = 0; k < 3; k++) {
            int e;
            if (c[i][k] != 0 && (frexp(c[i][k], &e), e - 53 < least))
                least = e - 53;
        }
    }
    for (int i = 0; i < npt; i++)
        for (int k = 0; k < 3; k++) {
            int e;
            double m = frexp(c[i][k], &e); /* c = m·2^e, 0.5 <= |m| < 1 */
            mpz_set_d(x->v[i][k], ldexp(m, 53));
            if (c[i][k] != 0)
                mpz_mul_2exp(x->v[i][k], x->v[i][k], (mp_bitcnt_t)(e - 53 - least));
        }
    for (int i = 0; i + 1 < npt; i++)
        for (int k = 0; k < 3; k++)
            mpz_sub(x->d[i][k], x->v[i + 1][k], x->v[0][k]);
    if (npt == 3) { /* (b − a) × (c − a) in projection */
        mpz_mul(x->acc, x->d[0][0], x->d[1][1]);
        mpz_submul(x->acc, x->d[0][1], x->d[1][0]);
    } else {        /* the determinant of the rows b − a, c − a, p − a */
        static const int perm[6][3] = {{0, 1, 2}, {1, 2, 0}, {2, 0, 1},
                                       {0, 2, 1}, {1, 0, 2}, {2, 1, 0}};
        mpz_set_ui(x->acc, 0);
        for (int k = 0; k < 6; k++) {
            mpz_mul(x->t, x->d[0][perm[k][0]], x->d[1][perm[k][1]]);
            if (k < 3)
                mpz_addmul(x->acc, x->t, x->d[2][perm[k][2]]);
            else
                mpz_submul(x->acc, x->t, x->d[2][perm[k][2]]);
        }
    }
    return mpz_sgn(x->acc);
}

/* Orientation of c against the directed line a→b in projection: 1 left, −1 right, 0 on it. */
static int side(const seg_sweep_hull *h, point3 a, point3 b, point3 c)
{
    double l = (b.x - a.x) * (c.y - a.y), r = (b.y - a.y) * (c.x - a.x);
    double det = l - r, bound = TOL * (fabs(l) + fabs(r));
    if (bound >= FILTER_MIN && det > bound)
        return 1;
    if (bound >= FILTER_MIN && det < -bound)
        return -1;
    return exact_orientation(h->exact, (point3[]){a, b, c}, 3);
}

/* Is c strictly above the segment a–b in their common vertical plane, strictly between them
 * (a, b, c collinear in projection, a.x != b.x)? */
static int above_segment(const seg_sweep_hull *h, point3 a, point3 b, point3 c)
{
    if (a.x > b.x) {
        point3 t = a;
        a = b;
        b = t;
    }
    if (!(a.x < c.x && c.x < b.x))
        return 0;
    return side(h, (point3){a.x, a.z, 0}, (point3){b.x, b.z, 0}, (point3){c.x, c.z, 0}) > 0;
}

/* Grows every per-vertex array to hold `need` slots. */
static int grow_slots(seg_sweep_hull *h, size_t need)
{
    if (need <= h->slot_cap)
        return 0;
    size_t cap = h->slot_cap ? 2 * h->slot_cap : 64;
    if (cap >= NONE)
        return -1;
    void **arrays[] = {(void **)&h->pt, (void **)&h->id, (void **)&h->succ, (void **)&h->mark,
                       (void **)&h->free_slot};
    size_t sizes[] = {sizeof *h->pt, sizeof *h->id, sizeof *h->succ, sizeof *h->mark,
                      sizeof *h->free_slot};
    for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
        void *p = realloc(*arrays[i], cap * sizes[i]);
        if (!p)
            return -1;
        *arrays[i] = p;
    }
    h->slot_cap = cap;
    return 0;
}

static void reset_slot(seg_sweep_hull *h, uint32_t s, size_t id, point3 p)
{
    h->pt[s] = p;
    h->id[s] = id;
    h->succ[s] = NONE;
    h->mark[s] = 0;
}

static int new_slot(seg_sweep_hull *h, size_t id, point3 p, uint32_t *slot)
{
    uint32_t s;
    if (h->nfree) {
        s = h->free_slot[--h->nfree];
    } else {
        if (grow_slots(h, h->slots + 1))
            return -1;
        s = (uint32_t)h->slots++;
    }
    reset_slot(h, s, id, p);
    h->vertices++;
    return *slot = s, 0;
}

static void free_vertex(seg_sweep_hull *h, uint32_t s)
{
    h->free_slot[h->nfree++] = s;
    h->vertices--;
}

/* Writes the face a, b, c (c may be the apex) into slot f, an old face's or h->faces to
 * append one, with its plane and error weights. The plane is taken from the face's
 * rightmost vertex: new points arrive on the right, and the error bound of a test grows with
 * the distance from that base, not the determinant. */
static int put_face(seg_sweep_hull *h, size_t f, uint32_t a, uint32_t b, uint32_t c)
{
    if (f == h->faces) {
        if (grow((void **)&h->face, &h->face_cap, h->faces + 1, sizeof *h->face))
            return -1;
        h->faces++;
    }
    face *fc = &h->face[f];
    *fc = (face){.v = {a, b, c}, .nb = {NONE, NONE, NONE}, .tested = h->insertion,
                 .state = UNSEEN};
    if (c == APEX) { /* seen when strictly left of b→a, that is outside the edge a→b */
        point3 pa = h->pt[a], pb = h->pt[b], base = pa.x > pb.x ? pa : pb;
        double ux = pb.x - pa.x, uy = pb.y - pa.y;
        fc->base[0] = base.x;
        fc->base[1] = base.y;
        fc->base[2] = base.z;
        fc->n[0] = uy;
        fc->n[1] = -ux;
        fc->n[2] = 0;
        fc->w[0] = fabs(uy);
        fc->w[1] = fabs(ux);
        fc->w[2] = 0;
        return 0;
    }
    /* n = (b − a) × (c − a) = (c − b) × (a − b) = (a − c) × (b − c), pointing up: seen when
     * below the plane */
    point3 r[3] = {h->pt[a], h->pt[b], h->pt[c]};
    int k = r[0].x >= r[1].x && r[0].x >= r[2].x ? 0 : r[1].x >= r[2].x ? 1 : 2;
    point3 o = r[k], pb = r[(k + 1) % 3], pc = r[(k + 2) % 3];
    double ux = pb.x - o.x, uy = pb.y - o.y, uz = pb.z - o.z;
    double vx = pc.x - o.x, vy = pc.y - o.y, vz = pc.z - o.z;
    fc->base[0] = o.x;
    fc->base[1] = o.y;
    fc->base[2] = o.z;
    fc->n[0] = uy * vz - uz * vy;
    fc->n[1] = uz * vx - ux * vz;
    fc->n[2] = ux * vy - uy * vx;
    fc->w[0] = fabs(uy * vz) + fabs(uz * vy);
    fc->w[1] = fabs(uz * vx) + fabs(ux * vz);
    fc->w[2] = fabs(ux * vy) + fabs(uy * vx);
    return 0;
}

/* The slot j of face f whose edge leaves vertex v. */
static int edge_from(const seg_sweep_hull *h, size_t f, uint32_t v)
{
    const uint32_t *t = &h->face[f].v[0];
    return t[0] == v ? 0 : t[1] == v ? 1 : 2;
}

/* Face g's edge back into face f now leads to face to. */
static void relink(seg_sweep_hull *h, size_t g, size_t f, size_t to)
{
    for (int j = 0; j < 3; j++)
        if (h->face[g].nb[j] == f)
            h->face[g].nb[j] = (uint32_t)to;
}

/* Removes face f, moving the last face into its place. No remaining face may lead to f. */
static void remove_face(seg_sweep_hull *h, size_t f)
{
    size_t last = --h->faces;
    if (f == last)
        return;
    h->face[f] = h->face[last];
    for (int j = 0; j < 3; j++)
        relink(h, h->face[f].nb[j], last, f);
    if (h->latest_face == last)
        h->latest_face = f;
}

/* Side of p against face f: 1 inside (above a lower face, inside a vertical face's edge),
 * −1 beyond it, 0 on its plane. */
static int face_side(const seg_sweep_hull *h, size_t f, point3 p)
{
    const face *fc = &h->face[f];
    double dx = p.x - fc->base[0], dy = p.y - fc->base[1], dz = p.z - fc->base[2];
    double v = fc->n[0] * dx + fc->n[1] * dy + fc->n[2] * dz;
    double bound = TOL * (fc->w[0] * fabs(dx) + fc->w[1] * fabs(dy) + fc->w[2] * fabs(dz));
    if (bound >= FILTER_MIN && v > bound)
        return 1;
    if (bound >= FILTER_MIN && v < -bound)
        return -1;
    const uint32_t *t = &h->face[f].v[0];
    if (t[2] == APEX) /* inside means right of a→b: n = (uy, −ux) is minus the orientation */
        return -exact_orientation(h->exact, (point3[]){h->pt[t[0]], h->pt[t[1]], p}, 3);
    return exact_orientation(h->exact, (point3[]){h->pt[t[0]], h->pt[t[1]], h->pt[t[2]], p}, 4);
}

/* Is face f seen from p? Each face is tested once per insertion. A vertical face whose edge
 * p is on the line of (beyond its end, p being rightmost) is seen when the lower face at the
 * edge is: then the edge's far vertex is above the segment from its near one to p, and goes
 * with the lower face, which a run of collinear points (a constant stretch of data) needs to
 * shrink to its ends. */
static int seen_from(seg_sweep_hull *h, size_t f, point3 p)
{
    face *fc = &h->face[f];
    if (fc->tested != h->insertion) {
        fc->tested = h->insertion;
        int sd = face_side(h, f, p);
        fc->state = sd < 0 ? SEEN : UNSEEN;
        if (sd == 0 && fc->v[2] == APEX && fc->nb[0] < h->faces &&
            h->face[fc->nb[0]].v[2] != APEX)
            fc->state = seen_from(h, fc->nb[0], p) ? SEEN : UNSEEN;
    }
    return h->face[f].state != UNSEEN;
}

/* Links every edge of faces first.. to the face holding it reversed (the first faces). */
static void link_all(seg_sweep_hull *h)
{
    for (size_t f = 0; f < h->faces; f++)
        for (int j = 0; j < 3; j++) {
            uint32_t a = h->face[f].v[j], b = h->face[f].v[(j + 1) % 3];
            for (size_t g = 0; g < h->faces; g++)
                if (g != f && h->face[g].v[edge_from(h, g, b)] == b &&
                    h->face[g].v[(edge_from(h, g, b) + 1) % 3] == a)
                    h->face[f].nb[j] = (uint32_t)g;
        }
}

static int drop(seg_sweep_hull *h, size_t id);

/* Adds p to the chain of collinear points: a chain point strictly above the segment from
 * the one before it to p is dropped. */
static int chain_add(seg_sweep_hull *h, size_t id, point3 p)
{
    while (h->chain >= 2 &&
           above_segment(h, h->chain_of[h->chain - 2].pt, p, h->chain_of[h->chain - 1].pt)) {
        if (drop(h, h->chain_of[h->chain - 1].id))
            return -1;
        h->chain--;
    }
    if (grow((void **)&h->chain_of, &h->chain_cap, h->chain + 1, sizeof *h->chain_of))
        return -1;
    h->chain_of[h->chain].pt = p;
    h->chain_of[h->chain++].id = id;
    return 0;
}

/* The first faces: a triangle of the chain's ends and the first point off their line, and
 * its three vertical faces. The chain's inner points stay out (never dropped). */
static int start(seg_sweep_hull *h, size_t id, point3 p)
{
    int turn = h->chain < 2 ? 0 : side(h, h->chain_of[0].pt, h->chain_of[h->chain - 1].pt, p);
    if (turn == 0)
        return chain_add(h, id, p);
    uint32_t a, b, c;
    size_t last = h->chain - 1;
    if (new_slot(h, h->chain_of[0].id, h->chain_of[0].pt, &a) ||
        new_slot(h, h->chain_of[last].id, h->chain_of[last].pt, &b) || new_slot(h, id, p, &c))
        return -1;
    reset_slot(h, APEX, 0, (point3){0, 0, INFINITY});
    h->chain = 0;
    h->latest = c;
    if (turn < 0) {
        uint32_t t = b;
        b = c;
        c = t;
    }
    if (put_face(h, 0, a, b, c) || put_face(h, 1, b, a, APEX) || put_face(h, 2, c, b, APEX) ||
        put_face(h, 3, a, c, APEX))
        return -1;
    link_all(h);
    h->latest_face = 0;
    return 0;
}

/* A face seen from p: one around the latest vertex (p, to its right, sees one of that
 * vertex's edges of the projection unless three points are collinear), else any. */
static size_t first_seen(seg_sweep_hull *h, point3 p)
{
    size_t f = h->latest_face;
    for (size_t turns = 0; turns < h->faces; turns++) {
        if (seen_from(h, f, p))
            return f;
        int j = edge_from(h, f, h->latest);
        f = h->face[f].nb[(j + 2) % 3]; /* across the edge into the vertex */
        if (f == h->latest_face)
            break;
    }
    for (f = 0; f < h->faces; f++)
        if (seen_from(h, f, p))
            return f;
    return NONE;
}

/* The seen faces, grown from one through the edges, and their boundary as (from, to, unseen
 * face across) triples. −1 when out of memory, 1 when an edge leads nowhere (a broken
 * surface: never expected, but then the hull gives up rather than read past its faces). */
static int collect_seen(seg_sweep_hull *h, size_t f0, point3 p, size_t *nseen, size_t *nhorizon)
{
    size_t ns = 0, nh = 0;
    if (grow((void **)&h->seen, &h->seen_cap, h->faces, sizeof *h->seen))
        return -1;
    h->face[f0].state = LISTED;
    h->seen[ns++] = (uint32_t)f0;
    for (size_t i = 0; i < ns; i++) {
        size_t f = h->seen[i];
        for (int j = 0; j < 3; j++) {
            size_t g = h->face[f].nb[j];
            if (g >= h->faces)
                return 1;
            if (seen_from(h, g, p)) {
                if (h->face[g].state != LISTED) {
                    h->face[g].state = LISTED;
                    h->seen[ns++] = (uint32_t)g;
                }
                continue;
            }
            if (grow((void **)&h->horizon, &h->horizon_cap, 3 * (nh + 1), sizeof *h->horizon))
                return -1;
            h->horizon[3 * nh] = h->face[f].v[j];
            h->horizon[3 * nh + 1] = h->face[f].v[(j + 1) % 3];
            h->horizon[3 * nh + 2] = (uint32_t)g;
            nh++;
        }
    }
    *nseen = ns;
    *nhorizon = nh;
    return 0;
}

/* The seen faces form a disk: the horizon is one simple cycle and faces = H + 2I − 2 for
 * the I vertices inside. Leaves h->succ[v] = the horizon edge leaving v (for the caller to
 * clear) and h->inner the inside vertices. 1 yes, 0 no, −1 out of memory. */
static int seen_region_is_disk(seg_sweep_hull *h, size_t nseen, size_t nhorizon, size_t *ninner)
{
    int ok = nhorizon >= 3;
    for (size_t e = 0; e < nhorizon; e++) {
        uint32_t a = h->horizon[3 * e];
        if (h->succ[a] != NONE)
            ok = 0;
        else
            h->succ[a] = (uint32_t)e;
    }
    if (ok) {
        size_t steps = 0, e = 0;
        do {
            uint32_t to = h->horizon[3 * e + 1];
            e = h->succ[to];
            steps++;
        } while (e != NONE && e != 0 && steps <= nhorizon);
        ok = e == 0 && steps == nhorizon;
    }
    /* Inside: a vertex of a seen face off the horizon (with a disk, all its faces are seen). */
    size_t inner = 0;
    for (size_t i = 0; i < nseen && ok >= 0; i++)
        for (int j = 0; j < 3; j++) {
            uint32_t v = h->face[h->seen[i]].v[j];
            if (h->succ[v] != NONE || h->mark[v] == h->insertion)
                continue;
            h->mark[v] = h->insertion;
            if (v == APEX)
                ok = 0;
            else if (grow((void **)&h->inner, &h->inner_cap, inner + 1, sizeof *h->inner))
                ok = -1;
            else
                h->inner[inner++] = v;
        }
    *ninner = inner;
    if (ok == 1 && nseen != nhorizon + 2 * inner - 2)
        ok = 0;
    return ok;
}

static void clear_succ(seg_sweep_hull *h, size_t nhorizon)
{
    for (size_t e = 0; e < nhorizon; e++)
        h->succ[h->horizon[3 * e]] = NONE;
}

/* Joins vertex s to the horizon, in its order: a new face per edge, linked to the unseen
 * face across it and to its neighbours in the fan. The new faces take the places of the
 * seen ones, the last `reuse` of h->seen (the lowest), then new places. Returns -1
 * when out of memory. */
static int add_fan(seg_sweep_hull *h, uint32_t s, size_t nhorizon, size_t nseen, size_t reuse)
{
    if (grow((void **)&h->fan, &h->fan_cap, nhorizon, sizeof *h->fan))
        return -1;
    size_t e = 0;
    for (size_t i = 0; i < nhorizon; i++) {
        uint32_t a = h->horizon[3 * e], b = h->horizon[3 * e + 1];
        size_t f = i < reuse ? h->seen[nseen - 1 - i] : h->faces;
        int rc = a == APEX ? put_face(h, f, b, s, APEX)
                 : b == APEX ? put_face(h, f, s, a, APEX)
                             : put_face(h, f, a, b, s);
        if (rc)
            return -1;
        h->fan[i] = (uint32_t)f;
        size_t across = h->horizon[3 * e + 2];
        h->face[f].nb[edge_from(h, f, a)] = (uint32_t)across;
        h->face[across].nb[edge_from(h, across, b)] = (uint32_t)f;
        e = h->succ[b];
    }
    for (size_t i = 0; i < nhorizon; i++) {
        size_t f = h->fan[i], next = h->fan[i + 1 < nhorizon ? i + 1 : 0];
        size_t prev = h->fan[i > 0 ? i - 1 : nhorizon - 1];
        int j = edge_from(h, f, s);
        h->face[f].nb[j] = (uint32_t)prev;           /* s → a, the previous face's a → s */
        h->face[f].nb[(j + 2) % 3] = (uint32_t)next; /* b → s, the next face's s → b */
    }
    h->latest_face = h->fan[0];
    return 0;
}

/* Sides of q against the three edges of lower face f, counted: *inside edges strictly
 * inside, *edge the slot of one edge q is on; stops at an edge q is outside of. */
static void sides(const seg_sweep_hull *h, size_t f, point3 q, int *inside, int *edge)
{
    const uint32_t *t = &h->face[f].v[0];
    *inside = 0;
    *edge = -1;
    for (int j = 0; j < 3; j++) {
        int sd = side(h, h->pt[t[j]], h->pt[t[(j + 1) % 3]], q);
        if (sd < 0)
            return; /* outside: no need for the other edges */
        if (sd > 0)
            ++*inside;
        else
            *edge = j;
    }
}

/* Is vertex v strictly above the lower hull of other points, inside its projection? It is
 * when it is strictly inside a new lower face and strictly above its plane; or when it is on
 * an edge of that face, strictly inside the other two edges of both faces at that edge and
 * strictly above both planes; or when it is on a new edge of the projection, strictly above
 * that edge. */
static int certified_inside(const seg_sweep_hull *h, uint32_t v, size_t nfan)
{
    point3 q = h->pt[v];
    for (size_t i = 0; i < nfan; i++) {
        size_t f = h->fan[i];
        if (h->face[f].v[2] == APEX) { /* on the new edge of the projection, above it */
            point3 a = h->pt[h->face[f].v[0]], b = h->pt[h->face[f].v[1]];
            if (side(h, a, b, q) == 0 && above_segment(h, a, b, q))
                return 1;
            continue;
        }
        int inside, edge;
        sides(h, f, q, &inside, &edge);
        if (inside == 3 && face_side(h, f, q) > 0)
            return 1;
        if (inside != 2 || edge < 0)
            continue;
        size_t g = h->face[f].nb[edge];
        if (h->face[g].v[2] == APEX) /* on the projection's edge: the vertical face's test */
            continue;
        int inside_g, edge_g;
        sides(h, g, q, &inside_g, &edge_g);
        if (inside_g >= 2 && face_side(h, f, q) > 0 && face_side(h, g, q) > 0)
            return 1;
    }
    return 0;
}

static int drop(seg_sweep_hull *h, size_t id)
{
    if (grow((void **)&h->dropped, &h->dropped_cap, h->ndropped + 1, sizeof *h->dropped))
        return -1;
    h->dropped[h->ndropped++] = id;
    return 0;
}

static int give_up(seg_sweep_hull *h)
{
    seg_sweep_hull_clear(h);
    return SEG_SWEEP_GAVE_UP;
}

/* Sorts a few face indices, greatest first. */
static void sort_descending(uint32_t *v, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        uint32_t x = v[i];
        size_t j = i;
        for (; j > 0 && v[j - 1] < x; j--)
            v[j] = v[j - 1];
        v[j] = x;
    }
}

int seg_sweep_hull_add(seg_sweep_hull *h, size_t id, double x, double y, double z)
{
    point3 p = {x, y, z};
    h->ndropped = 0;
    if (!h->faces)
        return start(h, id, p);
    if (++h->insertion == 0) { /* the stamps wrapped: forget them all */
        for (size_t f = 0; f < h->faces; f++)
            h->face[f].tested = 0;
        for (size_t v = 0; v < h->slots; v++)
            h->mark[v] = 0;
        h->insertion = 1;
    }
    size_t f0 = first_seen(h, p);
    if (f0 == NONE) /* nothing beyond: p is left out (never dropped) */
        return 0;
    size_t nseen, nhorizon, ninner;
    int rc = collect_seen(h, f0, p, &nseen, &nhorizon);
    if (rc)
        return rc < 0 ? -1 : give_up(h);
    int disk = seen_region_is_disk(h, nseen, nhorizon, &ninner);
    uint32_t s = 0;
    /* The seen faces go, the lowest places reused by the new ones: the rest, removed from
     * the greatest down, never move a face still to go into a freed place. */
    size_t reuse = nseen < nhorizon ? nseen : nhorizon;
    if (disk == 1) {
        sort_descending(h->seen, nseen);
        if (new_slot(h, id, p, &s) || add_fan(h, s, nhorizon, nseen, reuse))
            disk = -1;
    }
    clear_succ(h, nhorizon);
    if (disk < 0)
        return -1;
    if (!disk)
        return give_up(h);
    h->latest = s;
    for (size_t i = 0; i < ninner; i++) {
        uint32_t v = h->inner[i];
        if (certified_inside(h, v, nhorizon) && drop(h, h->id[v]))
            return -1;
    }
    for (size_t i = 0; i + reuse < nseen; i++)
        remove_face(h, h->seen[i]);
    for (size_t i = 0; i < ninner; i++)
        free_vertex(h, h->inner[i]);
    return 0;
}
