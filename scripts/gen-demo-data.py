import json
themes = [
 ("expertise","Expertise"),("education","Éducation"),("communication","Communication & évènements"),
 ("conversation","Conversation"),("entertainment","Divertissement"),("promotions","Promotions"),
 ("support","Support client"),("product-marketing","Marketing produit"),("hr","RH & recrutement")]
S=[]
def sp(name, platform, th, url=None, country="US", dept=None, fn=None, aud=None, internal=False, lang=None):
    d={"name":name,"platform":platform,"themes":th}
    if url: d["url"]=url
    if country: d["country"]=country
    if lang: d["language"]=lang
    if dept: d["department"]=dept
    if fn: d["function"]=fn
    if aud is not None: d["audience"]=aud
    if internal: d["internal"]=True
    S.append(d)
tw=lambda h: "https://twitter.com/"+h
# Twitter: 18 accounts with their own function
sp("@DellCares","Twitter",["support","conversation"],tw("DellCares"),"US","Support","dellcares",42000)
sp("@Direct2Dell","Twitter",["communication","conversation"],tw("Direct2Dell"),"US","Communication","direct2dell",18000)
sp("@DellOutlet","Twitter",["promotions"],tw("DellOutlet"),"US","Ventes en ligne","delloutlet",1500000)
sp("@DellHomeOffers","Twitter",["promotions"],tw("DellHomeOffers"),"US","Ventes en ligne","dellhomeoffers",90000)
sp("@DellSmallBiz","Twitter",["promotions","expertise"],tw("DellSmallBiz"),"US","PME","dellsmallbiz",35000)
sp("@DellEnterprise","Twitter",["expertise","product-marketing"],tw("DellEnterprise"),"US","Grands comptes","dellenterprise",12000)
sp("@DellEDU","Twitter",["education"],tw("DellEDU"),"US","Éducation","delledu",6000)
sp("@DellHealthcare","Twitter",["expertise"],tw("DellHealthcare"),"US","Santé","dellhealthcare",4000)
sp("@DellCSR","Twitter",["communication"],tw("DellCSR"),"WW","Responsabilité sociale","dellcsr",5000)
sp("@DellShares","Twitter",["communication"],tw("DellShares"),"WW","Relations investisseurs","dellshares",7000)
sp("@DellCareers","Twitter",["hr"],tw("DellCareers"),"WW","RH","dellcareers",9000)
sp("@DellEvents","Twitter",["communication"],tw("DellEvents"),"US","Communication","dellevents",3000)
sp("@DellLatino","Twitter",["communication","promotions"],tw("DellLatino"),"US","Amérique latine","delllatino",8000)
sp("@Alienware","Twitter",["entertainment","product-marketing"],tw("Alienware"),"WW","Gaming","alienware",60000)
sp("@IdeaStorm","Twitter",["conversation"],tw("IdeaStorm"),"WW","Communication","ideastorm",10000)
sp("@DellTechCenter","Twitter",["expertise","education"],tw("DellTechCenter"),"WW","Grands comptes","delltechcenter",11000)
sp("@DellVideo","Twitter",["entertainment","education"],tw("DellVideo"),"WW","Communication","dellvideo",2500)
sp("@DellXPS","Twitter",["product-marketing","entertainment"],tw("DellXPS"),"WW","Marketing produit","dellxps",14000)
# Country copies: one function, many countries
latam=[("AR","Argentina"),("BO","Bolivia"),("CL","Chile"),("CO","Colombia"),("CR","CostaRica"),("EC","Ecuador"),("GT","Guatemala"),("MX","Mexico"),("PA","Panama"),("PE","Peru"),("PY","Paraguay"),("SV","ElSalvador"),("UY","Uruguay"),("VE","Venezuela")]
for c,n in latam:
    sp("@Dell_"+n,"Twitter",["promotions","communication"],tw("Dell_"+n),c,"Amérique latine","dell-latam",None,lang="es")
for c,h in [("GB","DellOutletUK"),("CA","DellOutletCA"),("AU","DellOutletAU"),("IE","DellOutletIE")]:
    sp("@"+h,"Twitter",["promotions"],tw(h),c,"Ventes en ligne","delloutlet",None)
for c,h in [("GB","DellCaresUK"),("IN","DellCaresIN"),("CA","DellCaresCA")]:
    sp("@"+h,"Twitter",["support","conversation"],tw(h),c,"Support","dellcares",None)
for c,h in [("GB","DellOffersUK"),("IE","DellOffersIE"),("DE","DellAngebote"),("ES","DellOfertas"),("NL","DellAanbiedingen"),("SE","DellErbjudanden")]:
    sp("@"+h,"Twitter",["promotions"],tw(h),c,"Ventes en ligne","dell-offers-eu",None)
fb=lambda p:"https://www.facebook.com/"+p
sp("Dell","Facebook",["communication","entertainment","conversation"],fb("Dell"),"WW","Communication","dell-fb",420000)
sp("Dell Outlet","Facebook",["promotions"],fb("delloutlet"),"US","Ventes en ligne","delloutlet-fb",30000)
sp("Dell Small Business","Facebook",["expertise","promotions"],fb("dellsmallbusiness"),"US","PME","dellsmallbiz-fb",15000)
sp("Alienware","Facebook",["entertainment"],fb("Alienware"),"WW","Gaming","alienware-fb",250000)
sp("Dell XPS","Facebook",["entertainment","product-marketing"],fb("DellXPS"),"WW","Marketing produit","dellxps-fb",40000)
sp("Dell Inspiron","Facebook",["product-marketing","entertainment"],fb("DellInspiron"),"WW","Marketing produit","dellinspiron-fb",22000)
sp("Dell Careers","Facebook",["hr"],fb("DellCareers"),"WW","RH","dellcareers-fb",12000)
sp("Dell Education","Facebook",["education"],fb("DellEDU"),"US","Éducation","delledu-fb",5000)
sp("Dell Latino","Facebook",["communication","entertainment"],fb("DellLatino"),"US","Amérique latine","delllatino-fb",9000)
sp("Dell Lounge","Facebook",["entertainment"],fb("DellLounge"),"US","Marketing","delllounge",17000)
sp("Dell UK","Facebook",["communication","promotions"],fb("DellUK"),"GB","Communication","dell-country-fb",8000)
for c,n in [("AR","Argentina"),("CL","Chile"),("CO","Colombia"),("MX","México"),("PE","Perú"),("VE","Venezuela")]:
    sp("Dell "+n,"Facebook",["communication","entertainment"],fb("Dell"+n.replace("é","e").replace("ú","u")),c,"Amérique latine","dell-latam-fb",None,lang="es")
sp("Dell Community Forums","Forum",["support","expertise"],"https://en.community.dell.com/support-forums/","US","Support","dell-forums",250000)
for c,l,n in [("JP","ja","Dell Community Forums (Japon)"),("CN","zh","Dell Community Forums (Chine)"),("ES","es","Dell Community Forums (Espagne)")]:
    sp(n,"Forum",["support","expertise"],None,c,"Support","dell-forums",None,lang=l)
sp("IdeaStorm","Community",["conversation","product-marketing"],"https://www.ideastorm.com/","WW","Communication","ideastorm-site",15000)
sp("Club XPS","Community",["entertainment","product-marketing"],"https://www.dell.com/xps","WW","Marketing produit","club-xps",8000)
sp("Alienware Arena","Community",["entertainment"],"https://www.alienwarearena.com/","WW","Gaming","alienware-arena",40000)
sp("Dell TechCenter","Community",["expertise","education"],"https://www.delltechcenter.com/","WW","Grands comptes","delltechcenter-site",20000)
sp("Dell Enterprise Community","Community",["expertise"],"https://en.community.dell.com/","WW","Grands comptes","enterprise-community",6000)
sp("Dell Education Community","Community",["education","conversation"],None,"US","Éducation","edu-community",3000)
sp("Dell Island (Second Life)","Community",["entertainment","promotions"],None,"WW","Marketing","dell-island",None)
bl=lambda p:"https://www.dell.com/blog/"+p
sp("Direct2Dell","Blog",["communication","conversation"],"https://direct2dell.com/","WW","Communication","direct2dell-blog",60000)
sp("Inside Enterprise IT","Blog",["expertise"],bl("enterprise"),"WW","Grands comptes","inside-it",9000)
sp("Digital Nomads","Blog",["education","expertise"],"https://www.digitalnomads.com/","WW","Marketing","digital-nomads",7000)
sp("Dell Small Business Blog","Blog",["expertise","education"],bl("small-business"),"US","PME","smb-blog",5000)
sp("Dell Healthcare Blog","Blog",["expertise"],bl("healthcare"),"US","Santé","healthcare-blog",2000)
sp("Dell Education Blog","Blog",["education"],bl("education"),"US","Éducation","edu-blog",2500)
sp("Dell Shares","Blog",["communication"],bl("shares"),"WW","Relations investisseurs","shares-blog",4000)
sp("Regeneration","Blog",["communication","education"],bl("regeneration"),"WW","Responsabilité sociale","regeneration",3000)
sp("Direct2Dell en Español","Blog",["communication"],bl("es"),"US","Amérique latine","direct2dell-es",2000,lang="es")
sp("Dell Channel Blog","Blog",["expertise","product-marketing"],bl("channel"),"WW","Partenaires","channel-blog",1500)
sp("Dell Gaming Blog","Blog",["entertainment"],bl("gaming"),"WW","Gaming","gaming-blog",6000)
sp("Dell TechCenter Blog","Blog",["expertise","education"],bl("techcenter"),"WW","Grands comptes","techcenter-blog",4000)
yt=lambda p:"https://www.youtube.com/user/"+p
sp("DellVlog","YouTube",["entertainment","education","product-marketing"],yt("DellVlog"),"WW","Communication","dellvlog",25000)
sp("Alienware","YouTube",["entertainment","product-marketing"],yt("Alienware"),"WW","Gaming","alienware-yt",30000)
sp("Dell Support Videos","YouTube",["support","education"],yt("DellCares"),"WW","Support","dell-support-yt",12000)
sp("Dell TechCenter Videos","YouTube",["expertise","education"],yt("DellTechCenter"),"WW","Grands comptes","techcenter-yt",3000)
sp("Dell UK Videos","YouTube",["product-marketing"],yt("DellUK"),"GB","Communication","dellvlog",None)
sp("Dell Japan Videos","YouTube",["product-marketing"],yt("DellJapan"),"JP","Communication","dellvlog",None,lang="ja")
sp("Dell on Flickr","Flickr",["communication","entertainment"],"https://www.flickr.com/photos/dellphotos/","WW","Communication","dell-flickr",None)
sp("Dell on SlideShare","SlideShare",["expertise","education"],"https://www.slideshare.net/Dell","WW","Grands comptes","dell-slideshare",None)
sp("Dell","LinkedIn",["hr","communication"],"https://www.linkedin.com/company/dell","WW","RH","dell-linkedin",150000)
sp("Dell Careers Group","LinkedIn",["hr"],"https://www.linkedin.com/groups/dell-careers","WW","RH","dell-linkedin-careers",20000)
sp("Dell Podcasts","Podcast",["education","expertise"],"https://www.dell.com/podcasts","WW","Communication","dell-podcasts",None)
sp("Employee Storm","Microblog",["hr","conversation"],None,"WW","RH","employee-storm",None,internal=True)
d={"company":"Dell","title":"Les espaces sociaux de Dell par thème",
   "as_of":"2010-10-29",
   "themes":[{"id":i,"label":l} for i,l in themes],
   "spaces":S}
tw=sum(1 for s in S if s["platform"]=="Twitter")
print(len(S), "twitter", tw)
json.dump(d, open("www/data/dell.json","w"), ensure_ascii=False, indent=1)
bt={"company":"BT","title":"Les espaces sociaux de BT par thème","as_of":"2010-10-29",
 "themes":[{"id":i,"label":l} for i,l in themes],
 "spaces":[
  {"name":"@BTCare","platform":"Twitter","url":"https://twitter.com/BTCare","themes":["support","conversation"],"country":"GB","department":"Service client","function":"btcare","audience":20000},
  {"name":"BTCare Community Forums","platform":"Forum","url":"https://community.bt.com/","themes":["support","expertise"],"country":"GB","department":"Service client","function":"btcare-forums","audience":60000},
  {"name":"Forums de spécialistes (haut débit)","platform":"Forum","themes":["expertise","conversation"],"country":"GB","department":"Service client","function":"specialist-forums"},
  {"name":"Forums de spécialistes (entreprises)","platform":"Forum","themes":["expertise","support"],"country":"GB","department":"BT Business","function":"specialist-forums-business"},
  {"name":"Yammer","platform":"Microblog","themes":["hr","communication"],"country":"GB","department":"RH","function":"yammer","internal":True},
  {"name":"OfficeTalk","platform":"Microblog","themes":["communication","expertise"],"country":"GB","department":"Communication interne","function":"officetalk","internal":True}
 ]}
json.dump(bt, open("www/data/bt.json","w"), ensure_ascii=False, indent=1)

# Inline each dataset into the posts, in place: the n-th JSON block of a post gets the n-th
# dataset, escaped so the JSON can never close the <script>.
import re

def escape(data):
    return json.dumps(data, ensure_ascii=False, indent=1).replace("</", "<\\/").replace("<!--", "<\\!--")

def inline(post, datasets):
    path = f"www/posts/{post}.html"
    html = open(path).read()
    blocks = iter(datasets)
    html = re.sub(r'(<script type="application/json">\n).*?(\n</script>)', lambda m: m.group(1) + escape(next(blocks)) + m.group(2), html, flags=re.S)
    open(path, "w").write(html)

inline("dell", [d])
inline("bt", [bt])
inline("comparaison", [d, bt])
