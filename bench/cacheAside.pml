/*
 * Cache-aside (fix none) for Spin, equivalent to Interleave's cache-aside-set-after-delete:
 * readers GET, on a miss SELECT then SET; writers UPDATE then DEL; FIFO channels per
 * sender->receiver pair; one process per channel delivers its head, so a step is one delivery
 * (OPS=1: a request with its reply, as in operations granularity). Reader 0 may stall once
 * while filling (the pause fault). At quiescence the cache must not hold a value other than
 * the database's. Build: spin -a -DREADERS=2 -DWRITERS=2 -DOPS=0 cacheAside.pml
 */
#ifndef READERS
#define READERS 2
#endif
#ifndef WRITERS
#define WRITERS 2
#endif
#ifndef OPS
#define OPS 0
#endif

mtype = { GET, SET, DEL, SELECT, UPDATE, HIT, MISS, ROW, UPDATED, STORED, DELETED };

#define GETTING 0
#define SELECTING 1
#define FILLING 2
#define DONE 3

chan r2c[READERS] = [1] of { mtype, byte };
chan c2r[READERS] = [1] of { mtype, byte };
chan r2d[READERS] = [1] of { mtype, byte };
chan d2r[READERS] = [1] of { mtype, byte };
chan w2d[WRITERS] = [1] of { mtype, byte };
chan d2w[WRITERS] = [1] of { mtype, byte };
chan w2c[WRITERS] = [1] of { mtype, byte };
chan c2w[WRITERS] = [1] of { mtype, byte };

byte cacheV = 0;   /* 0: no entry; k: value vk (version k) */
byte dbV = 1;
byte rs[READERS];
byte rv[READERS];
byte ws[WRITERS];
byte wv[WRITERS];
bit paused = 0;

inline readerOn(i, m, v) {
  if
  :: m == HIT -> rs[i] = DONE; rv[i] = v
  :: m == MISS -> rs[i] = SELECTING; r2d[i]!SELECT,0
  :: m == ROW -> rs[i] = FILLING; rv[i] = v; r2c[i]!SET,v
  :: m == STORED -> rs[i] = DONE
  fi
}

inline writerOn(j, m, v) {
  if
  :: m == UPDATED -> ws[j] = 1; wv[j] = v; w2c[j]!DEL,0
  :: m == DELETED -> ws[j] = 2
  fi
}

#if OPS
#define TO_READER(i, m, v) readerOn(i, m, v)
#define TO_WRITER(j, m, v) writerOn(j, m, v)
#else
#define TO_READER(i, m, v) c2r[i]!m,v
#define TO_WRITER(j, m, v) c2w[j]!m,v
#endif
#define DB_TO_READER(i, m, v) TO_READER_DB(i, m, v)
#if OPS
#define TO_READER_DB(i, m, v) readerOn(i, m, v)
#define TO_WRITER_DB(j, m, v) writerOn(j, m, v)
#else
#define TO_READER_DB(i, m, v) d2r[i]!m,v
#define TO_WRITER_DB(j, m, v) d2w[j]!m,v
#endif

proctype CacheFromReader(byte i) {
  mtype m; byte v;
end: do
  :: atomic {
       r2c[i]?m,v ->
       if
       :: m == GET && cacheV != 0 -> TO_READER(i, HIT, cacheV)
       :: m == GET && cacheV == 0 -> TO_READER(i, MISS, 0)
       :: m == SET -> cacheV = v; TO_READER(i, STORED, 0)
       fi;
       m = 0; v = 0
     }
  od
}

proctype DbFromReader(byte i) {
  mtype m; byte v;
end: do
  :: atomic { r2d[i]?m,v -> TO_READER_DB(i, ROW, dbV); m = 0; v = 0 }
  od
}

proctype CacheFromWriter(byte j) {
  mtype m; byte v;
end: do
  :: atomic { w2c[j]?m,v -> cacheV = 0; TO_WRITER(j, DELETED, 0); m = 0; v = 0 }
  od
}

proctype DbFromWriter(byte j) {
  mtype m; byte v;
end: do
  :: atomic { w2d[j]?m,v -> dbV++; TO_WRITER_DB(j, UPDATED, dbV); m = 0; v = 0 }
  od
}

#if !OPS
proctype ReaderInbox(byte i) {
  mtype m; byte v;
end: do
  :: atomic { c2r[i]?m,v -> readerOn(i, m, v); m = 0; v = 0 }
  :: atomic { d2r[i]?m,v -> readerOn(i, m, v); m = 0; v = 0 }
  od
}

proctype WriterInbox(byte j) {
  mtype m; byte v;
end: do
  :: atomic { c2w[j]?m,v -> writerOn(j, m, v); m = 0; v = 0 }
  :: atomic { d2w[j]?m,v -> writerOn(j, m, v); m = 0; v = 0 }
  od
}
#endif

active proctype Pause() {
end: atomic { rs[0] == FILLING && !paused -> paused = 1 }
}

active proctype Check() {
end: timeout -> assert(cacheV == 0 || cacheV == dbV)
}

init {
  byte k;
  atomic {
    for (k : 0 .. READERS - 1) {
      r2c[k]!GET,0;
      run CacheFromReader(k);
      run DbFromReader(k);
#if !OPS
      run ReaderInbox(k);
#endif
    }
    for (k : 0 .. WRITERS - 1) {
      w2d[k]!UPDATE,0;
      run CacheFromWriter(k);
      run DbFromWriter(k);
#if !OPS
      run WriterInbox(k);
#endif
    }
    k = 0
  }
}
