import json,sys
P='w05-exec-assistant.jsonl'
rows=[json.loads(l) for l in open(P)]
def rep(i,old,new,arg=None):
    r=rows[i-1]
    if arg is None: assert old in r['text'],(i,old); r['text']=r['text'].replace(old,new)
    else: assert old in r['arguments'][arg],(i,old); r['arguments'][arg]=r['arguments'][arg].replace(old,new)
def save(): open(P,'w').write(''.join(json.dumps(x,ensure_ascii=False)+'\n' for x in rows))
